package dev.emporium.platform.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code emporium.load-shedding.*}: at most {@code maxConcurrentRequests} requests in flight on this instance's
 * API port ({@code 0} turns the limit off); the ones past it get 503 with {@code Retry-After} at once.
 */
@ConfigurationProperties("emporium.load-shedding")
record LoadSheddingProperties(
        @DefaultValue("400") int maxConcurrentRequests,
        @DefaultValue("1s") Duration retryAfter) {

    boolean enabled() {
        return maxConcurrentRequests > 0;
    }
}
