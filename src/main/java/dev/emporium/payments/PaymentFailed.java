package dev.emporium.payments;

import java.util.UUID;

/** The provider declined an order's payment or could not take it. Announced once per payment. */
public record PaymentFailed(UUID orderId, String intentId, String reason) {}
