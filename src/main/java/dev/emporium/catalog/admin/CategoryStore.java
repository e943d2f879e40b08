package dev.emporium.catalog.admin;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The category tree's SQL. */
@Repository
class CategoryStore {

    private static final String COLUMNS = "id, slug, name, parent_id, position, version";

    private final JdbcClient jdbc;

    CategoryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(UUID id) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM categories WHERE id = :id)").param("id", id)
                .query(Boolean.class).single();
    }

    boolean insert(UUID id, CategoryInput input) {
        return jdbc.sql("INSERT INTO categories (id, slug, name, parent_id, position) VALUES (:id, :slug, :name, :parent, :position)")
                .param("id", id).param("slug", input.slug()).param("name", input.name().strip())
                .param("parent", input.parentId()).param("position", input.position() == null ? 0 : input.position())
                .update() == 1;
    }

    boolean update(UUID id, int expectedVersion, CategoryInput input) {
        return jdbc.sql("""
                UPDATE categories SET slug = :slug, name = :name, parent_id = :parent, position = :position,
                       updated_at = now(), version = version + 1
                WHERE id = :id AND version = :version""")
                .param("id", id).param("version", expectedVersion)
                .param("slug", input.slug()).param("name", input.name().strip())
                .param("parent", input.parentId()).param("position", input.position() == null ? 0 : input.position())
                .update() == 1;
    }

    /** Whether {@code candidate} is {@code id} or lies below it: making it the parent would close a loop. */
    boolean isSelfOrDescendant(UUID candidate, UUID id) {
        return jdbc.sql("""
                WITH RECURSIVE ancestors AS (
                    SELECT id, parent_id FROM categories WHERE id = :candidate
                    UNION
                    SELECT c.id, c.parent_id FROM categories c JOIN ancestors a ON c.id = a.parent_id)
                SELECT EXISTS (SELECT 1 FROM ancestors WHERE id = :id)""")
                .param("candidate", candidate).param("id", id)
                .query(Boolean.class).single();
    }

    Optional<AdminCategory> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM categories WHERE id = :id").param("id", id)
                .query(AdminCategory.class).optional();
    }

    List<AdminCategory> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM categories ORDER BY parent_id NULLS FIRST, position, slug")
                .query(AdminCategory.class).list();
    }
}
