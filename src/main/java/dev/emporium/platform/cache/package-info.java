/**
 * Shared caches of bytes (rendered JSON): Caffeine on each instance in front of Redis shared by all of them when
 * {@code emporium.redis.url} is set, with single-flight loading and invalidation of every instance through Redis
 * pub/sub. Modules ask {@link dev.emporium.platform.cache.SharedCaches} for a cache by name; docs/caching.md explains it.
 */
@org.springframework.modulith.NamedInterface("cache")
package dev.emporium.platform.cache;
