package dev.emporium.inventory;

import java.util.List;
import java.util.UUID;

/** An order's reservations went back to stock: {@code reason} is the caller's, or {@code expired} from the sweeper. */
public record StockReleased(UUID orderId, List<StockLine> lines, String reason) {

    /** The sweeper's reason. */
    public static final String EXPIRED = "expired";

    public StockReleased {
        lines = List.copyOf(lines);
    }
}
