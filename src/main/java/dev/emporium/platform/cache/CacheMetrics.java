package dev.emporium.platform.cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.Supplier;

/**
 * One cache's meters, tagged {@code cache=<name>}, all registered at zero so dashboards see the series before the first
 * miss: {@code emporium.cache.gets} by {@code level} (local, shared) and {@code result} (hit, miss), {@code
 * emporium.cache.loads} (loader runs and their time), {@code emporium.cache.evictions} (local entries dropped for size
 * or age) and {@code emporium.cache.redis.failures} (operations that could not use Redis).
 */
final class CacheMetrics {

    private final Counter localHits;
    private final Counter localMisses;
    private final Counter sharedHits;
    private final Counter sharedMisses;
    private final Timer loads;
    private final Counter evictions;
    private final Counter redisFailures;

    CacheMetrics(MeterRegistry registry, String cache) {
        this.localHits = gets(registry, cache, "local", "hit");
        this.localMisses = gets(registry, cache, "local", "miss");
        this.sharedHits = gets(registry, cache, "shared", "hit");
        this.sharedMisses = gets(registry, cache, "shared", "miss");
        this.loads = Timer.builder("emporium.cache.loads")
                .description("Loader runs on a miss in both levels")
                .tag("cache", cache)
                .register(registry);
        this.evictions = Counter.builder("emporium.cache.evictions")
                .description("Entries this instance dropped for its size limit or their local lifetime")
                .tag("cache", cache)
                .register(registry);
        this.redisFailures = Counter.builder("emporium.cache.redis.failures")
                .description("Cache operations that could not use Redis and fell back to this instance alone")
                .tag("cache", cache)
                .register(registry);
    }

    private static Counter gets(MeterRegistry registry, String cache, String level, String result) {
        return Counter.builder("emporium.cache.gets")
                .description("Lookups per cache level; a local hit includes waiting for a load already under way")
                .tag("cache", cache)
                .tag("level", level)
                .tag("result", result)
                .register(registry);
    }

    void localHit() {
        localHits.increment();
    }

    void localMiss() {
        localMisses.increment();
    }

    void sharedHit() {
        sharedHits.increment();
    }

    void sharedMiss() {
        sharedMisses.increment();
    }

    byte[] load(Supplier<byte[]> loader) {
        return loads.record(loader);
    }

    void evicted() {
        evictions.increment();
    }

    void redisFailed() {
        redisFailures.increment();
    }
}
