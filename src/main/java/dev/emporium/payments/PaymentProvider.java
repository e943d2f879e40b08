package dev.emporium.payments;

import dev.emporium.catalog.Money;
import java.util.UUID;

/** A payment provider's API as Emporium calls it. Calls may be slow or fail; {@link Payments} bounds them. */
interface PaymentProvider {

    String name();

    /** A new intent to take {@code amount} for the order; the provider names it. */
    ProviderIntent createIntent(UUID orderId, Money amount);

    /**
     * Gives up an intent whose order was cancelled, so it can no longer be paid. False when the provider already took
     * a confirmation for it: its outcome then follows by webhook, as for any other.
     */
    boolean cancel(String intentId);

    /** Gives a captured payment back in full. Asking twice refunds once. */
    void refund(String intentId);

    record ProviderIntent(String intentId, String clientSecret) {}
}
