package dev.emporium.payments;

import dev.emporium.catalog.Money;
import java.util.UUID;

/** The provider authorised and captured an order's payment. Announced once per payment, in the webhook's transaction. */
public record PaymentSucceeded(UUID orderId, String intentId, Money amount) {}
