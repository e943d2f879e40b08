package dev.emporium.platform.ratelimit;

/**
 * The shared bucket store (Redis) could not be reached and {@code emporium.rate-limit.redis-failure-policy} is
 * {@code fail-closed}: the request is refused with a 503 problem instead of being served unlimited.
 */
public class RateLimitUnavailableException extends RuntimeException {

    public RateLimitUnavailableException(Throwable cause) {
        super("The rate-limit store is unreachable", cause, false, false);
    }
}
