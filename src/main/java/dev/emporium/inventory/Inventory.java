package dev.emporium.inventory;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What checkout and orders ask of stock. */
public interface Inventory {

    /**
     * Reserves every line for {@code orderId} until now + {@code hold}, all or nothing. It joins the caller's
     * transaction (without one it runs in its own), so the reservation commits with the order. Each line is one
     * conditional UPDATE (available &gt;= quantity). Lines of the same variant are added up.
     *
     * @throws OutOfStock listing every variant short; the lines already held are given back and the caller's
     *         transaction stays usable
     */
    void reserve(UUID orderId, List<StockLine> lines, Duration hold);

    /**
     * The order was paid: its active reservations become a sale (on hand and reserved both drop). Idempotent.
     *
     * @return true when it sold the reservation; false when the order held none active (sold before, or released,
     *         as when it expired), so nothing is held for the order any more
     */
    boolean commit(UUID orderId);

    /** Gives an order's active reservations back; publishes {@link StockReleased} when it released something. Idempotent. */
    void release(UUID orderId, String reason);

    /** Units available to sell (on hand minus reserved) for each of {@code variantIds}; 0 without a stock row. */
    Map<UUID, Integer> available(Collection<UUID> variantIds);
}
