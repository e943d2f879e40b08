package dev.emporium.platform.cache;

import java.util.function.Supplier;

/**
 * One named cache: Caffeine on this instance in front of Redis shared by all instances (when emporium.redis.url is set).
 * Values are shared, not copied: callers must not modify the bytes they get.
 */
public interface SharedCache {

    String name();

    /**
     * The value for key; on a miss in both levels, loader runs once per instance however many callers miss at once
     * (single flight). A null from the loader is returned and not cached. An exception from the loader reaches every
     * caller that waited for that load, and nothing is cached. Redis failing never makes this throw.
     */
    byte[] get(String key, Supplier<byte[]> loader);

    /** Removes key from both levels on every instance. Inside a transaction it happens after commit. */
    void evict(String key);

    /** Removes every key of this cache from both levels on every instance. Inside a transaction: after commit. */
    void clear();
}
