package dev.emporium.ordering;

import dev.emporium.inventory.StockReleased;
import dev.emporium.payments.PaymentFailed;
import dev.emporium.payments.PaymentSucceeded;
import dev.emporium.payments.Payments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What happens after a payment outcome or an order event, each in its own transaction after the one that announced
 * it committed. The event publication registry holds every delivery until its handler completes, and hands
 * unfinished ones over again after a restart: each handler is idempotent, so a repeat changes nothing.
 */
@Component
class OrderEventHandlers {

    private final Orders orders;
    private final Payments payments;
    private final JdbcClient jdbc;

    OrderEventHandlers(Orders orders, Payments payments, JdbcClient jdbc) {
        this.orders = orders;
        this.payments = payments;
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(PaymentSucceeded payment) {
        orders.paid(payment.orderId());
    }

    @ApplicationModuleListener
    void on(PaymentFailed payment) {
        orders.cancelUnpaid(payment.orderId(), "payment", "payment failed: " + payment.reason());
    }

    /** A reservation that expired unpaid ends its order. */
    @ApplicationModuleListener
    void on(StockReleased released) {
        if (StockReleased.EXPIRED.equals(released.reason())) {
            orders.cancelUnpaid(released.orderId(), "inventory", "reservation expired");
        }
    }

    /** A cancelled order can no longer be paid: its open payment intents are given up at the provider. */
    @ApplicationModuleListener
    void on(OrderCancelled cancelled) {
        payments.cancelOpenIntents(cancelled.orderId());
    }

    /** The money goes back; while the provider is unreachable this fails, and the registry keeps the event for a retry. */
    @ApplicationModuleListener
    void on(OrderRefundDue due) {
        payments.refund(due.orderId());
    }

    /** The customer's confirmation, written once however often the event is delivered. */
    @ApplicationModuleListener
    void on(OrderPaid paid) {
        jdbc.sql("""
                INSERT INTO order_confirmations (order_id, customer_id, message) VALUES (:order, :customer, :message)
                ON CONFLICT (order_id) DO NOTHING""")
                .param("order", paid.orderId()).param("customer", paid.customerId())
                .param("message", "Thank you: order " + paid.number() + " is paid and being prepared.")
                .update();
    }
}
