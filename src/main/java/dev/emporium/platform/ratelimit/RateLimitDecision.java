package dev.emporium.platform.ratelimit;

/**
 * What a bucket said: whether the request may go on, the plan's capacity, the tokens left, and in seconds
 * either how long until the bucket is full again (allowed) or until the next token (refused).
 */
public record RateLimitDecision(boolean allowed, long limit, long remaining, long resetSeconds) {

    /** What {@code Retry-After} says for a refused request: at least one second. */
    public long retryAfterSeconds() {
        return Math.max(1, resetSeconds);
    }
}
