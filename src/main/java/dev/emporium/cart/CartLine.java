package dev.emporium.cart;

import dev.emporium.catalog.Money;
import java.util.UUID;

/**
 * One line, priced now. A line whose variant is no longer purchasable (its product unpublished, or priced in
 * another currency) keeps its current price but counts in no total; if the variant was deleted, {@code sku} and
 * {@code title} are what it was last called and {@code unitPrice} and {@code lineTotal} are null.
 */
public record CartLine(UUID variantId, String sku, String title, int quantity, Money unitPrice, Money lineTotal, boolean purchasable) {}
