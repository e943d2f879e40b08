package dev.emporium.inventory.stock;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A variant's stock for staff: the levels now and the latest adjustments, newest first. */
record StockView(UUID variantId, String sku, int onHand, int reserved, int available, int version, Instant updatedAt,
        List<StockLevels.Adjustment> adjustments) {}
