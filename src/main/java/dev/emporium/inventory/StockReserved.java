package dev.emporium.inventory;

import java.util.List;
import java.util.UUID;

/** Stock was reserved for an order, in the transaction that holds it; one line per variant. */
public record StockReserved(UUID orderId, List<StockLine> lines) {

    public StockReserved {
        lines = List.copyOf(lines);
    }
}
