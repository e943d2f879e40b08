package dev.emporium.ordering;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code emporium.ordering.*}: how long a checkout holds stock for payment, how long an idempotency key is remembered. */
@ConfigurationProperties("emporium.ordering")
public record OrderingProperties(
        @DefaultValue("15m") Duration reservationHold,
        @DefaultValue("24h") Duration idempotencyKeyTtl) {}
