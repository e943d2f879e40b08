/**
 * Rate limiting: token buckets per API key, user or client address, in plans set by configuration, kept in
 * Redis when {@code emporium.redis.url} is set (one limit across instances) and in memory otherwise.
 * Other modules call {@link dev.emporium.platform.ratelimit.RateLimiter} for limits of their own (per account
 * on login) and throw {@link dev.emporium.platform.ratelimit.RateLimitExceededException} to answer 429.
 */
@org.springframework.modulith.NamedInterface("ratelimit")
package dev.emporium.platform.ratelimit;
