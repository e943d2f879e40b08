package dev.emporium.ordering;

import dev.emporium.catalog.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order as its customer and staff see it: lines, totals and address as they were at checkout. */
public record OrderView(
        UUID id,
        String number,
        UUID customerId,
        OrderStatus status,
        List<Line> lines,
        Money subtotal,
        Money tax,
        Money shipping,
        Money grandTotal,
        ShippingAddress shippingAddress,
        Instant createdAt,
        Instant updatedAt) {

    public record Line(UUID variantId, String sku, String title, int quantity, Money unitPrice, Money lineTotal) {}

    /** Human-friendly: {@code EM-001042}. */
    static String number(long sequence) {
        return "EM-%06d".formatted(sequence);
    }
}
