package dev.emporium.ordering;

import java.util.UUID;

/** An order was cancelled (by its customer, by staff, or because its payment failed); its stock went back. */
public record OrderCancelled(UUID orderId, String number, UUID customerId, String reason) {}
