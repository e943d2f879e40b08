/**
 * Payment intents with a provider behind timeouts and a circuit breaker, and the provider's signed webhooks, which
 * announce {@link dev.emporium.payments.PaymentSucceeded} and {@link dev.emporium.payments.PaymentFailed}. A
 * built-in test provider behaves like a remote one.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payments")
package dev.emporium.payments;
