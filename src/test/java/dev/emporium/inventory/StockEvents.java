package dev.emporium.inventory;

import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The inventory events that took effect: recorded once their transaction committed (or at once without one), from
 * any thread, so concurrent tests can count them. A plain listener that waits for the commit itself: as a
 * transactional event listener it would be recorded in the event publication registry, whose bookkeeping needs a
 * second connection per event, and hundreds of concurrent transactions would then wait for connections each other holds.
 */
@TestComponent
public class StockEvents {

    private final Queue<Object> committed = new ConcurrentLinkedQueue<>();

    @EventListener
    public void on(StockReserved reserved) {
        onCommit(reserved);
    }

    @EventListener
    public void on(StockReleased released) {
        onCommit(released);
    }

    private void onCommit(Object event) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            committed.add(event);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                committed.add(event);
            }
        });
    }

    public List<StockReserved> reserved(UUID orderId) {
        return committed.stream().filter(StockReserved.class::isInstance).map(StockReserved.class::cast)
                .filter(event -> event.orderId().equals(orderId)).toList();
    }

    public List<StockReleased> released(UUID orderId) {
        return committed.stream().filter(StockReleased.class::isInstance).map(StockReleased.class::cast)
                .filter(event -> event.orderId().equals(orderId)).toList();
    }
}
