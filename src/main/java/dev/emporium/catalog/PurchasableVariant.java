package dev.emporium.catalog;

import java.util.UUID;

/**
 * What carts and checkout need of a variant, read now: its current price, and whether it can be bought at all
 * (its product is published).
 */
public record PurchasableVariant(UUID variantId, UUID productId, String sku, String title, Money price, boolean purchasable) {}
