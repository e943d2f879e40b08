package dev.emporium.catalog.storefront;

import dev.emporium.catalog.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the storefront shows: published products only, never a draft's or archived product's fields. */
public final class Views {

    private Views() {}

    @Schema(description = "A product on a listing page: enough for a product card.")
    public record ProductCard(
            UUID id,
            String slug,
            String title,
            String brand,
            @Schema(description = "The lowest price of its variants.") Money priceFrom,
            @Schema(description = "Its first image, if it has any.") Image image) {}

    @Schema(description = "A published product with everything a product page shows.")
    public record ProductDetail(
            UUID id,
            String slug,
            String title,
            String description,
            String brand,
            CategoryRef category,
            Map<String, String> attributes,
            Money priceFrom,
            List<Variant> variants,
            List<Image> images,
            Instant publishedAt,
            Instant updatedAt) {}

    /** A published product's own fields and category, without its variants and images. */
    public record ProductNode(
            UUID id,
            String slug,
            String title,
            String description,
            String brand,
            CategoryRef category,
            Map<String, String> attributes,
            Money priceFrom,
            Instant publishedAt,
            Instant updatedAt) {}

    @Schema(description = "One purchasable form of a product: what carts and orders refer to.")
    public record Variant(UUID id, String sku, Map<String, String> options, Money price, Integer weightGrams) {}

    public record Image(String url, String alt) {}

    public record CategoryRef(UUID id, String slug, String name) {}

    @Schema(description = "A category with its subcategories.")
    public record CategoryNode(UUID id, String slug, String name, List<CategoryNode> children) {}

    @Schema(description = "One page of a listing. Pass nextCursor as cursor for the next page; it is absent on the last.")
    public record Page<T>(List<T> items, String nextCursor) {}

    public record BrandCount(String brand, long count) {}

    @Schema(description = "Products whose price (the lowest of their variants) is at least min and below max (no max: open).")
    public record PriceBucket(long min, Long max, long count) {}

    @Schema(description = "How many products of the listing each brand and price range has.")
    public record Facets(List<BrandCount> brands, List<PriceBucket> prices, String currency) {}
}
