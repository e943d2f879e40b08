package dev.emporium.catalog.storefront;

import dev.emporium.catalog.CategoriesChanged;
import dev.emporium.catalog.ProductChanged;
import dev.emporium.platform.cache.SharedCache;
import dev.emporium.platform.cache.SharedCaches;
import java.util.function.Supplier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The storefront's rendered responses, in the shared caches {@code product} (product pages by id and slug) and
 * {@code listing} (listing, search and facet pages and the category tree). A change to a product drops its pages
 * and every listing; a change to categories drops everything; on every instance, after the change commits.
 */
@Component
class CatalogCache {

    enum Region { PRODUCT, LISTING }

    private final SharedCache products;
    private final SharedCache listings;

    CatalogCache(SharedCaches caches) {
        this.products = caches.cache("product");
        this.listings = caches.cache("listing");
    }

    /** The representation under {@code key}, loaded once per instance on a miss; null (not found) is not kept. */
    Representation get(Region region, String key, Supplier<Representation> load) {
        SharedCache cache = region == Region.PRODUCT ? products : listings;
        byte[] cached = cache.get(key, () -> {
            Representation loaded = load.get();
            return loaded == null ? null : loaded.encode();
        });
        return cached == null ? null : Representation.decode(cached);
    }

    @EventListener
    void on(ProductChanged change) {
        products.evict(ProductKeys.byId(change.productId()));
        change.slugs().forEach(slug -> products.evict(ProductKeys.bySlug(slug)));
        listings.clear();
    }

    /** Product pages name their category, so they go too; category changes are rare. */
    @EventListener
    void on(CategoriesChanged change) {
        listings.clear();
        products.clear();
    }

    /** The product cache's keys, in one place for the controller and the evictions. */
    static final class ProductKeys {

        private ProductKeys() {}

        static String byId(java.util.UUID id) {
            return "id:" + id;
        }

        static String bySlug(String slug) {
            return "slug:" + slug;
        }
    }
}
