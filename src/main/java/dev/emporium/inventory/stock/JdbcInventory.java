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
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class JdbcInventory implements Inventory {

    private final StockLevels stock;
    private final Reservations reservations;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate savepoint;

    JdbcInventory(StockLevels stock, Reservations reservations, ApplicationEventPublisher events,
            PlatformTransactionManager transactions) {
        this.stock = stock;
        this.reservations = reservations;
        this.events = events;
        // A savepoint in the caller's transaction (or a transaction of its own without one): a shortage undoes the
        // lines already held without marking the caller's transaction rollback-only, so checkout can still record
        // why the order failed.
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public void reserve(UUID orderId, List<StockLine> lines, Duration hold) {
        Objects.requireNonNull(orderId, "orderId");
        if (lines.isEmpty() || hold.isNegative() || hold.isZero()) {
            throw new IllegalArgumentException("A reservation needs lines and a positive hold");
        }
        List<StockLine> wanted = LockOrder.of(lines);
        savepoint.executeWithoutResult(status -> {
            List<UUID> lacking = new ArrayList<>();
            for (StockLine line : wanted) {
                if (!stock.reserve(line.variantId(), line.quantity())) {
                    lacking.add(line.variantId());
                }
            }
            if (!lacking.isEmpty()) {
                throw new OutOfStock(lacking);
            }
            reservations.hold(orderId, wanted, hold);
            events.publishEvent(new StockReserved(orderId, wanted));
        });
    }

    @Override
    @Transactional
    public void commit(UUID orderId) {
        stock.sell(reservations.commit(orderId));
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
