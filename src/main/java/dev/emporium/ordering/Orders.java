package dev.emporium.ordering;

import dev.emporium.inventory.Inventory;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The order state machine and what each move does besides: payment sells the reserved stock, cancellation gives it
 * back, a refund (or a payment that arrives for a cancelled order) gives the money back. Each move is conditional
 * on the status it starts from, and its event commits with it.
 */
@Service
class Orders {

    private static final Logger log = LoggerFactory.getLogger(Orders.class);

    private final OrderStore store;
    private final Inventory inventory;
    private final ApplicationEventPublisher events;

    Orders(OrderStore store, Inventory inventory, ApplicationEventPublisher events) {
        this.store = store;
        this.inventory = inventory;
        this.events = events;
    }

    @Transactional(readOnly = true)
    OrderView get(UUID id) {
        return store.find(id).orElseThrow(OrderProblems::notFound);
    }

    /**
     * The payment was taken: sell the stock. Idempotent: a paid order stays paid. An order whose reservation ran
     * out before the money came (released, and perhaps sold to someone else since) is cancelled and refunded
     * instead: it is never sold from stock it no longer holds.
     */
    @Transactional
    void paid(UUID id) {
        // Locked before its stock, as every move of an order is: a cancellation cannot interleave.
        OrderView order = store.findLocked(id).orElseThrow(OrderProblems::notFound);
        if (order.status() == OrderStatus.CANCELLED) {
            log.warn("Order {} was paid after it was cancelled: refunding the payment", order.number());
            events.publishEvent(new OrderRefundDue(id, order.number(), "paid after cancellation"));
            return;
        }
        if (order.status() != OrderStatus.PENDING_PAYMENT) {
            return; // paid already: a repeated delivery
        }
        if (!inventory.commit(id)) {
            log.warn("Order {} was paid after its stock reservation expired: cancelling it and refunding the payment", order.number());
            String reason = "paid after its reservation expired";
            store.move(id, OrderStatus.PENDING_PAYMENT, OrderStatus.CANCELLED, "payment", reason);
            events.publishEvent(new OrderCancelled(id, order.number(), order.customerId(), reason));
            events.publishEvent(new OrderRefundDue(id, order.number(), reason));
            return;
        }
        store.move(id, OrderStatus.PENDING_PAYMENT, OrderStatus.PAID, "payment", null);
        events.publishEvent(new OrderPaid(id, order.number(), order.customerId()));
    }

    /** Cancels an unpaid order and gives its stock back; false if it was no longer awaiting payment. */
    @Transactional
    boolean cancelUnpaid(UUID id, String actor, String reason) {
        OrderView order = get(id);
        if (order.status() != OrderStatus.PENDING_PAYMENT || !store.move(id, OrderStatus.PENDING_PAYMENT, OrderStatus.CANCELLED, actor, reason)) {
            return false;
        }
        inventory.release(id, reason);
        events.publishEvent(new OrderCancelled(id, order.number(), order.customerId(), reason));
        return true;
    }

    /** A move asked for by staff or the customer: 409 when the machine does not allow it from here. */
    @Transactional
    OrderView move(UUID id, OrderStatus to, String actor, String reason) {
        OrderView order = get(id);
        if (!order.status().canMoveTo(to) || to == OrderStatus.PAID) {
            throw OrderProblems.illegalTransition(order.status(), to);
        }
        if (to == OrderStatus.CANCELLED) {
            if (!cancelUnpaid(id, actor, reason)) {
                throw OrderProblems.illegalTransition(get(id).status(), to);
            }
        } else if (!store.move(id, order.status(), to, actor, reason)) {
            throw OrderProblems.of(HttpStatus.CONFLICT, "order-changed", "The order changed meanwhile; read it again.");
        } else if (to == OrderStatus.REFUNDED) {
            events.publishEvent(new OrderRefundDue(id, order.number(), reason == null ? "refunded by " + actor : reason));
        }
        return get(id);
    }
}
