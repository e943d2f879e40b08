package dev.emporium.catalog.admin;

import dev.emporium.catalog.CategoriesChanged;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes to the category tree, each conditional on the version the caller read. */
@Service
class CategoryCommands {

    private final CategoryStore categories;
    private final ApplicationEventPublisher events;

    CategoryCommands(CategoryStore categories, ApplicationEventPublisher events) {
        this.categories = categories;
        this.events = events;
    }

    @Transactional(readOnly = true)
    AdminCategory get(UUID id) {
        return categories.find(id).orElseThrow(() -> CatalogProblems.notFound("category"));
    }

    @Transactional(readOnly = true)
    List<AdminCategory> all() {
        return categories.all();
    }

    @Transactional
    AdminCategory create(CategoryInput input) {
        checkParent(input.parentId());
        UUID id = UUID.randomUUID();
        Slugs.unique("category", () -> categories.insert(id, input));
        events.publishEvent(new CategoriesChanged());
        return get(id);
    }

    @Transactional
    AdminCategory update(UUID id, int expectedVersion, CategoryInput input) {
        get(id);
        checkParent(input.parentId());
        if (input.parentId() != null && categories.isSelfOrDescendant(input.parentId(), id)) {
            throw CatalogProblems.unprocessable("category-cycle", "A category cannot sit below itself.");
        }
        if (!Slugs.unique("category", () -> categories.update(id, expectedVersion, input))) {
            throw CatalogProblems.stale();
        }
        events.publishEvent(new CategoriesChanged());
        return get(id);
    }

    private void checkParent(UUID parentId) {
        if (parentId != null && !categories.exists(parentId)) {
            throw CatalogProblems.unprocessable("unknown-category", "No category has the id " + parentId + ".");
        }
    }
}
