package dev.emporium.platform.cache;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** This instance's caches by name, created on first use; invalidations heard through Redis reach them here. */
final class TwoLevelCaches implements SharedCaches, RedisCacheLevel.Listener, AutoCloseable {

    private final CacheProperties properties;
    /** Null without Redis. */
    private final RedisCacheLevel shared;
    private final MeterRegistry registry;
    private final Map<String, TwoLevelCache> caches = new ConcurrentHashMap<>();

    TwoLevelCaches(CacheProperties properties, RedisCacheLevel shared, MeterRegistry registry) {
        this.properties = properties;
        this.shared = shared;
        this.registry = registry;
    }

    @Override
    public SharedCache cache(String name) {
        return caches.computeIfAbsent(CacheProperties.requireValidName(name),
                ignored -> new TwoLevelCache(name, properties.settings(name), shared, registry));
    }

    @Override
    public void invalidated(Invalidation invalidation) {
        TwoLevelCache cache = caches.get(invalidation.cache());
        if (cache == null) {
            return; // never used here: nothing to drop
        }
        if (invalidation.clearsAll()) {
            cache.dropAllLocally();
        } else {
            cache.dropLocally(invalidation.key());
        }
    }

    @Override
    public void subscribed() {
        caches.values().forEach(TwoLevelCache::dropAllLocally);
    }

    @Override
    public void close() {
        if (shared != null) {
            shared.close();
        }
    }
}
