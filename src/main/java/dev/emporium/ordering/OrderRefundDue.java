package dev.emporium.ordering;

import java.util.UUID;

/**
 * The order's payment must go back to the customer: staff refunded the order, or the payment arrived after the
 * order was cancelled. Published with the change, so the refund is asked of the provider even after a crash.
 */
public record OrderRefundDue(UUID orderId, String number, String reason) {}
