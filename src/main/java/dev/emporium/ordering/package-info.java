/**
 * Checkout, orders and their state machine. A checkout reserves stock, places the order and opens a payment in one
 * transaction, once per idempotency key; payment outcomes and the order's events travel through the event
 * publication registry (the outbox), so they survive a crash between commit and handling.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ordering")
package dev.emporium.ordering;
