package dev.emporium.catalog.admin;

import dev.emporium.catalog.CatalogProperties;
import dev.emporium.catalog.ProductChanged;
import dev.emporium.catalog.ProductStatus;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to the product aggregate. Each is one transaction, conditional on the version the caller read (its
 * ETag), and announces {@link ProductChanged} so caches drop what they hold.
 */
@Service
class ProductCommands {

    private final ProductStore products;
    private final CategoryStore categories;
    private final CatalogProperties properties;
    private final ApplicationEventPublisher events;

    ProductCommands(ProductStore products, CategoryStore categories, CatalogProperties properties,
            ApplicationEventPublisher events) {
        this.products = products;
        this.categories = categories;
        this.properties = properties;
        this.events = events;
    }

    @Transactional(readOnly = true)
    AdminProduct get(UUID id) {
        return products.find(id).orElseThrow(() -> CatalogProblems.notFound("product"));
    }

    /** A new draft with its images and variants. */
    @Transactional
    AdminProduct create(ProductInput input) {
        checkReferences(input);
        UUID id = UUID.randomUUID();
        Slugs.unique("product", () -> products.insert(id, input));
        products.replaceImages(id, input.images());
        upsertVariants(id, input.variants());
        events.publishEvent(new ProductChanged(id, Set.of(input.slug())));
        return get(id);
    }

    /** Replaces the product's fields and images; variants in the input are added or updated by SKU. */
    @Transactional
    AdminProduct replace(UUID id, int expectedVersion, ProductInput input) {
        checkReferences(input);
        String oldSlug = products.slugOf(id).orElseThrow(() -> CatalogProblems.notFound("product"));
        if (!Slugs.unique("product", () -> products.update(id, expectedVersion, input))) {
            throw CatalogProblems.stale();
        }
        products.replaceImages(id, input.images());
        upsertVariants(id, input.variants());
        announce(id, oldSlug, input.slug());
        return get(id);
    }

    @Transactional
    AdminProduct publish(UUID id, int expectedVersion) {
        if (get(id).variants().isEmpty()) {
            throw CatalogProblems.conflict("no-variants", "A product needs at least one variant (a price) to be published.");
        }
        return changeStatus(id, expectedVersion, ProductStatus.PUBLISHED);
    }

    @Transactional
    AdminProduct archive(UUID id, int expectedVersion) {
        return changeStatus(id, expectedVersion, ProductStatus.ARCHIVED);
    }

    @Transactional
    AdminProduct addVariant(UUID productId, int expectedVersion, ProductInput.VariantInput variant) {
        claim(productId, expectedVersion);
        checkCurrency(List.of(variant));
        upsertVariants(productId, List.of(variant));
        return announceAndGet(productId);
    }

    @Transactional
    AdminProduct updateVariant(UUID productId, UUID variantId, int expectedVersion, ProductInput.VariantInput variant) {
        claim(productId, expectedVersion);
        checkCurrency(List.of(variant));
        boolean updated;
        try {
            updated = products.updateVariant(productId, variantId, variant);
        } catch (DuplicateKeyException taken) {
            throw skuTaken(variant.sku());
        }
        if (!updated) {
            throw CatalogProblems.notFound("variant");
        }
        products.refreshPriceFrom(productId);
        return announceAndGet(productId);
    }

    @Transactional
    AdminProduct deleteVariant(UUID productId, UUID variantId, int expectedVersion) {
        AdminProduct product = claim(productId, expectedVersion);
        if (product.status() == ProductStatus.PUBLISHED && product.variants().size() == 1
                && product.variants().getFirst().id().equals(variantId)) {
            throw CatalogProblems.conflict("last-variant", "A published product keeps at least one variant: archive it instead.");
        }
        switch (products.deleteVariant(productId, variantId)) {
            case NO_SUCH_VARIANT -> throw CatalogProblems.notFound("variant");
            case HELD_FOR_AN_ORDER -> throw CatalogProblems.conflict("variant-held",
                    "An unpaid order holds stock of this variant: delete it once the order is paid, cancelled or expired.");
            case DELETED -> { }
        }
        products.refreshPriceFrom(productId);
        return announceAndGet(productId);
    }

    private AdminProduct changeStatus(UUID id, int expectedVersion, ProductStatus status) {
        String slug = products.slugOf(id).orElseThrow(() -> CatalogProblems.notFound("product"));
        if (!products.changeStatus(id, expectedVersion, status)) {
            throw CatalogProblems.stale();
        }
        announce(id, slug, slug);
        return get(id);
    }

    /** Takes the aggregate at the version the caller read: 404 when it does not exist, 412 when it moved on. */
    private AdminProduct claim(UUID id, int expectedVersion) {
        AdminProduct product = get(id);
        if (!products.claim(id, expectedVersion)) {
            throw CatalogProblems.stale();
        }
        return product;
    }

    private void upsertVariants(UUID productId, List<ProductInput.VariantInput> variants) {
        for (ProductInput.VariantInput variant : variants) {
            if (products.upsertVariant(productId, variant).isEmpty()) {
                throw skuTaken(variant.sku());
            }
        }
        products.refreshPriceFrom(productId);
    }

    private void checkReferences(ProductInput input) {
        if (input.categoryId() != null && !categories.exists(input.categoryId())) {
            throw CatalogProblems.unprocessable("unknown-category", "No category has the id " + input.categoryId() + ".");
        }
        checkCurrency(input.variants());
        long distinctSkus = input.variants().stream().map(ProductInput.VariantInput::sku).distinct().count();
        if (distinctSkus < input.variants().size()) {
            throw CatalogProblems.unprocessable("duplicate-sku", "Two variants of the input have the same SKU.");
        }
    }

    private void checkCurrency(List<ProductInput.VariantInput> variants) {
        for (ProductInput.VariantInput variant : variants) {
            if (!variant.price().currency().equals(properties.currency())) {
                throw CatalogProblems.unprocessable("wrong-currency",
                        "Prices are in the shop's currency, " + properties.currency() + "; SKU " + variant.sku()
                                + " has " + variant.price().currency() + ".");
            }
        }
    }


    private static RuntimeException skuTaken(String sku) {
        return CatalogProblems.conflict("sku-taken", "Another product already has a variant with SKU " + sku + ".");
    }

    private AdminProduct announceAndGet(UUID productId) {
        AdminProduct product = get(productId);
        announce(productId, product.slug(), product.slug());
        return product;
    }

    private void announce(UUID id, String oldSlug, String newSlug) {
        Set<String> slugs = new LinkedHashSet<>(List.of(oldSlug, newSlug));
        events.publishEvent(new ProductChanged(id, Set.copyOf(slugs)));
    }
}
