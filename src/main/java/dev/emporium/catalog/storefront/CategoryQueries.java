package dev.emporium.catalog.storefront;

import dev.emporium.catalog.storefront.Views.CategoryNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The category tree as the storefront sees it, and a category with everything below it. */
@Repository
public class CategoryQueries {

    private final JdbcClient jdbc;

    CategoryQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The ids of the category with this slug and of all its descendants, in one statement; empty if none has it. */
    public Optional<List<UUID>> withDescendants(String slug) {
        List<UUID> ids = jdbc.sql("""
                WITH RECURSIVE tree AS (
                    SELECT id FROM categories WHERE slug = :slug
                    UNION
                    SELECT c.id FROM categories c JOIN tree t ON c.parent_id = t.id)
                SELECT id FROM tree""")
                .param("slug", slug).query(UUID.class).list();
        return ids.isEmpty() ? Optional.empty() : Optional.of(ids);
    }

    /** Every root with its subcategories, in display order. */
    public List<CategoryNode> tree() {
        List<Flat> all = jdbc.sql("SELECT id, parent_id, slug, name FROM categories ORDER BY position, name")
                .query(Flat.class).list();
        Map<UUID, List<Flat>> children = new LinkedHashMap<>();
        all.forEach(category -> children.computeIfAbsent(category.parentId(), parent -> new ArrayList<>()).add(category));
        return nodes(children, null, 0);
    }

    private record Flat(UUID id, UUID parentId, String slug, String name) {}

    private static List<CategoryNode> nodes(Map<UUID, List<Flat>> children, UUID parent, int depth) {
        if (depth > 32) {
            return List.of(); // only a loop (two concurrent moves under each other) is this deep: stop, don't overflow
        }
        return children.getOrDefault(parent, List.of()).stream()
                .map(category -> new CategoryNode(category.id(), category.slug(), category.name(),
                        nodes(children, category.id(), depth + 1)))
                .toList();
    }
}
