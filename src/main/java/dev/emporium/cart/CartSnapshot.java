package dev.emporium.cart;

import java.util.List;
import java.util.UUID;

/** A cart as priced at one moment. {@code customerId} is null for a guest cart. */
public record CartSnapshot(UUID cartId, UUID customerId, List<CartLine> lines, String country, String shippingOption, CartTotals totals) {}
