package dev.emporium.catalog.admin;

import dev.emporium.catalog.Money;
import dev.emporium.catalog.ProductStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A product as staff see it, in any status, with the version its ETag carries. */
record AdminProduct(
        UUID id,
        String slug,
        String title,
        String description,
        String brand,
        UUID categoryId,
        Map<String, String> attributes,
        ProductStatus status,
        Money priceFrom,
        List<ProductInput.Image> images,
        List<Variant> variants,
        Instant publishedAt,
        Instant createdAt,
        Instant updatedAt,
        int version) {

    AdminProduct with(List<ProductInput.Image> images, List<Variant> variants) {
        return new AdminProduct(id, slug, title, description, brand, categoryId, attributes, status, priceFrom, images,
                variants, publishedAt, createdAt, updatedAt, version);
    }

    record Variant(UUID id, String sku, Map<String, String> options, Money price, Integer weightGrams) {}
}
