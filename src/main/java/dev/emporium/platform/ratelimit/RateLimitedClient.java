package dev.emporium.platform.ratelimit;

/**
 * Implemented by an {@code Authentication} (or its principal) that names its own bucket, such as an API key's:
 * the rate-limit filter then uses that key and plan instead of the user's or the client address's.
 */
public interface RateLimitedClient {

    /** The bucket key, for example {@code apikey:<key id>}; never the secret itself. */
    String rateLimitKey();

    /** A plan name from {@code emporium.rate-limit.plans}, for example {@code partner}. */
    String rateLimitPlan();
}
