package dev.emporium.platform.ratelimit;

import java.util.Objects;

/**
 * Thrown anywhere in a request when a {@link RateLimiter} refused it: the client gets a 429 problem with
 * {@code Retry-After} and the {@code RateLimit-*} headers of {@link #decision()}.
 */
public class RateLimitExceededException extends RuntimeException {

    private final transient RateLimitDecision decision;

    public RateLimitExceededException(RateLimitDecision decision) {
        // No stack trace: it is an answer to the client, thrown most often when someone is hammering.
        super("Rate limit exceeded", null, false, false);
        this.decision = Objects.requireNonNull(decision, "decision");
    }

    public RateLimitDecision decision() {
        return decision;
    }
}
