package dev.emporium.inventory;

import java.util.Objects;
import java.util.UUID;

/** A quantity of one variant, at least one unit. */
public record StockLine(UUID variantId, int quantity) {

    public StockLine {
        Objects.requireNonNull(variantId, "variantId");
        if (quantity < 1) {
            throw new IllegalArgumentException("A stock line holds at least one unit, not " + quantity);
        }
    }
}
