package dev.emporium.payments;

import dev.emporium.catalog.Money;
import java.util.UUID;

/** An amount the provider is ready to take for an order; the client confirms it with the provider (card details never reach Emporium). */
public record PaymentIntent(String provider, String intentId, String clientSecret, UUID orderId, Money amount) {}
