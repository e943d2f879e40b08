package dev.emporium.payments;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code emporium.payments.*}. {@code webhookSecret} signs and verifies the provider's webhooks (HMAC-SHA256); unset,
 * a random one is made per process, which serves one instance only. Calls to the provider give up after
 * {@code timeout}; when half of the last calls failed, the circuit opens for {@code openFor} and checkouts get 503
 * at once.
 */
@ConfigurationProperties("emporium.payments")
public record PaymentsProperties(
        String webhookSecret,
        @DefaultValue("5m") Duration signatureTolerance,
        @DefaultValue("2s") Duration timeout,
        @DefaultValue CircuitBreaker circuitBreaker,
        @DefaultValue TestProvider testProvider) {

    public record CircuitBreaker(
            @DefaultValue("50") int failureRatePercent,
            @DefaultValue("10") int window,
            @DefaultValue("5") int minimumCalls,
            @DefaultValue("30s") Duration openFor) {}

    /** The built-in provider: where it sends its webhooks (default: this instance) and after how long. */
    public record TestProvider(String callbackUrl, @DefaultValue("50ms") Duration callbackDelay) {}
}
