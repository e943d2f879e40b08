package dev.emporium.payments;

import java.util.UUID;

/** What the provider's webhooks say: one event about one intent. {@code type} is {@code payment.succeeded} or {@code payment.failed}. */
record WebhookEvent(String id, String type, String intentId, UUID orderId, Long amount, String currency, String reason) {

    static final String SUCCEEDED = "payment.succeeded";
    static final String FAILED = "payment.failed";
}
