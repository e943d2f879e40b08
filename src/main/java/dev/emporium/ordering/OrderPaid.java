package dev.emporium.ordering;

import java.util.UUID;

/** An order's payment was taken and its stock sold. */
public record OrderPaid(UUID orderId, String number, UUID customerId) {}
