package dev.emporium.platform.ratelimit;

/**
 * Takes one token from the bucket of {@code key} under {@code plan}. Keys start with their kind and a colon
 * ({@code ip:}, {@code user:}, {@code apikey:}, {@code account:}); the kind tags the rejection metric. Which
 * store holds the buckets (Redis or this instance's memory) is configuration; callers never know.
 */
public interface RateLimiter {

    /**
     * @throws IllegalArgumentException when no plan of that name is configured
     * @throws RateLimitUnavailableException when the shared store cannot be reached and the policy is fail-closed
     */
    RateLimitDecision tryConsume(String key, String plan);
}
