package dev.emporium.payments;

import dev.emporium.catalog.Money;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a verified webhook event once: the event id is recorded, the payment updated and the outcome announced,
 * all in one transaction, so a second delivery (providers deliver at least once) changes nothing and a crash before
 * commit leaves the delivery to be retried.
 */
@Service
class WebhookProcessor {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    WebhookProcessor(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** False when this event was already applied. */
    @Transactional
    boolean apply(String provider, WebhookEvent event) {
        int fresh = jdbc.sql("""
                INSERT INTO payment_events (provider, event_id, type, intent_id) VALUES (:provider, :id, :type, :intent)
                ON CONFLICT DO NOTHING""")
                .param("provider", provider).param("id", event.id()).param("type", event.type()).param("intent", event.intentId())
                .update();
        if (fresh == 0) {
            return false;
        }
        boolean succeeded = WebhookEvent.SUCCEEDED.equals(event.type());
        // A failure only settles an intent still awaiting its outcome: a late "failed" after "succeeded" changes
        // nothing. A success also overrides an earlier failure or cancellation, because the provider has taken the
        // money (a retry with another card, a capture that raced the cancellation): it is announced, and an order
        // cancelled meanwhile gets the money back (ordering refunds a payment that arrives for a cancelled order).
        var payment = jdbc.sql("""
                UPDATE payments SET status = :status, failure = :failure, updated_at = now()
                WHERE intent_id = :intent AND provider = :provider AND status = ANY (:from)
                RETURNING order_id, amount, currency""")
                .param("status", succeeded ? "succeeded" : "failed").param("failure", succeeded ? null : event.reason())
                .param("from", succeeded ? new String[] {"requires_confirmation", "failed", "cancelled"} : new String[] {"requires_confirmation"})
                .param("intent", event.intentId()).param("provider", provider)
                .query((rs, row) -> new PaymentSucceeded(rs.getObject("order_id", java.util.UUID.class), event.intentId(),
                        new Money(rs.getLong("amount"), rs.getString("currency"))))
                .optional();
        payment.ifPresent(paid -> events.publishEvent(succeeded ? paid
                : new PaymentFailed(paid.orderId(), paid.intentId(), event.reason() == null ? "declined" : event.reason())));
        return true;
    }
}
