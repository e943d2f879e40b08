package dev.emporium.catalog.storefront;

import dev.emporium.catalog.CategoriesChanged;
import dev.emporium.catalog.ProductChanged;
import java.util.function.Supplier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The storefront's rendered responses: product pages by id and slug, listing pages and the category tree. A change
 * to a product drops its pages and every listing; a change to categories drops every listing.
 */
@Component
class CatalogCache {

    enum Region { PRODUCT, LISTING }

    Representation get(Region region, String key, Supplier<Representation> load) {
        return load.get();
    }

    @EventListener
    void on(ProductChanged change) {
    }

    @EventListener
    void on(CategoriesChanged change) {
    }
}
