package dev.emporium.inventory;

import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The inventory events that took effect: recorded once their transaction committed (or at once without one), from
 * any thread, so concurrent tests can count them.
 */
@TestComponent
public class StockEvents {

    private final Queue<Object> committed = new ConcurrentLinkedQueue<>();

    @TransactionalEventListener(fallbackExecution = true)
    public void on(StockReserved reserved) {
        committed.add(reserved);
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void on(StockReleased released) {
        committed.add(released);
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
