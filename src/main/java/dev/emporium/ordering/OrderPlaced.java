package dev.emporium.ordering;

import dev.emporium.catalog.Money;
import java.util.UUID;

/** A checkout placed an order; it awaits payment. */
public record OrderPlaced(UUID orderId, String number, UUID customerId, Money grandTotal) {}
