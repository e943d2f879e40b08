package dev.emporium.inventory.stock;

import dev.emporium.inventory.Inventory;
import dev.emporium.inventory.OutOfStock;
import dev.emporium.inventory.StockLine;
import dev.emporium.inventory.StockReleased;
import dev.emporium.inventory.StockReserved;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class JdbcInventory implements Inventory {

    private final StockLevels stock;
    private final Reservations reservations;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    JdbcInventory(StockLevels stock, Reservations reservations, ApplicationEventPublisher events,
            PlatformTransactionManager transactions) {
        this.stock = stock;
        this.reservations = reservations;
        this.events = events;
        // Joins the caller's transaction, or runs in one of its own without one.
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void reserve(UUID orderId, List<StockLine> lines, Duration hold) {
        Objects.requireNonNull(orderId, "orderId");
        if (lines.isEmpty() || hold.isNegative() || hold.isZero()) {
            throw new IllegalArgumentException("A reservation needs lines and a positive hold");
        }
        List<StockLine> wanted = LockOrder.of(lines);
        // A shortage is returned, not thrown, inside the transaction: an exception would mark the caller's
        // transaction rollback-only. The lines held before it are given back in the same transaction, which is
        // cheaper than a savepoint around every reservation, as shortages are rare.
        List<UUID> lacking = transaction.execute(status -> {
            List<Long> held = new ArrayList<>(wanted.size());
            List<UUID> unavailable = new ArrayList<>();
            for (StockLine line : wanted) {
                reservations.hold(orderId, line, hold).ifPresentOrElse(held::add, () -> unavailable.add(line.variantId()));
            }
            if (!unavailable.isEmpty()) {
                if (!held.isEmpty()) {
                    stock.unreserve(reservations.forget(held));
                }
                return unavailable;
            }
            events.publishEvent(new StockReserved(orderId, wanted));
            return List.of();
        });
        if (!lacking.isEmpty()) {
            throw new OutOfStock(lacking);
        }
    }

    /**
     * Sells all of the order's reservations or none. A sweep settles reservations row by row, so it can release
     * part of an order (a batch boundary, or rows it locked first) just before the payment comes in; selling the
     * rest would ship lines whose stock went back on sale. Then the rest is released as expired too.
     */
    @Override
    @Transactional
    public boolean commit(UUID orderId) {
        List<String> statuses = reservations.lockAll(orderId);
        if (statuses.contains("released")) {
            release(orderId, StockReleased.EXPIRED);
            return false;
        }
        List<StockLine> sold = reservations.commit(orderId);
        stock.sell(sold);
        return !sold.isEmpty();
    }

    @Override
    @Transactional
    public void release(UUID orderId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("A release needs a reason");
        }
        List<StockLine> released = reservations.release(orderId, reason);
        if (!released.isEmpty()) {
            stock.unreserve(released);
            events.publishEvent(new StockReleased(orderId, released, reason));
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, Integer> available(Collection<UUID> variantIds) {
        Map<UUID, Integer> found = variantIds.isEmpty() ? Map.of() : stock.available(variantIds);
        Map<UUID, Integer> available = new LinkedHashMap<>();
        variantIds.forEach(id -> available.put(id, found.getOrDefault(id, 0)));
        return available;
    }
}
