package dev.emporium.platform.cache;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A cache whose local level maps each key to the future of its value. The first caller to miss puts its own future in
 * (Caffeine's atomic get), looks in Redis and runs the loader; everyone else who misses meanwhile waits for that
 * future. No lock is held while Redis or the loader works. An invalidation removes the future even while it is loading:
 * its waiters still get the value, but it is not kept, so a load that read data older than the invalidation is not
 * served afterwards.
 */
final class TwoLevelCache implements SharedCache {

    private final String name;
    private final AsyncCache<String, byte[]> local;
    /** Null without Redis: the local level alone serves. */
    private final RedisCacheLevel shared;
    private final Duration sharedTtl;
    private final CacheMetrics metrics;

    TwoLevelCache(String name, CacheProperties.Settings settings, RedisCacheLevel shared, MeterRegistry registry) {
        this.name = name;
        this.shared = shared;
        this.sharedTtl = settings.sharedTtl();
        this.metrics = new CacheMetrics(registry, name);
        this.local = Caffeine.newBuilder()
                .maximumSize(settings.maxEntries())
                .expireAfterWrite(settings.localTtl())
                .evictionListener((key, value, cause) -> metrics.evicted())
                .buildAsync();
        Gauge.builder("emporium.cache.size", local, cache -> cache.synchronous().estimatedSize())
                .description("Entries this instance keeps")
                .tag("cache", name)
                .register(registry);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public byte[] get(String key, Supplier<byte[]> loader) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(loader, "loader");
        CompletableFuture<byte[]> cached = local.getIfPresent(key);
        if (cached == null) {
            CompletableFuture<byte[]> mine = new CompletableFuture<>();
            cached = local.get(key, (k, executor) -> mine);
            if (cached == mine) {
                metrics.localMiss();
                return load(key, loader, mine);
            }
        }
        metrics.localHit();
        return valueOf(cached);
    }

    private byte[] load(String key, Supplier<byte[]> loader, CompletableFuture<byte[]> mine) {
        try {
            RedisCacheLevel.Lookup found = lookUpShared(key);
            if (found != null && found.value() != null) {
                mine.complete(found.value());
                return found.value();
            }
            byte[] value = metrics.load(loader);
            // Waiters go on first; storing in Redis is this caller's errand alone.
            mine.complete(value);
            if (value != null && found != null && !shared.fill(name, key, found.generation(), value, sharedTtl)) {
                metrics.redisFailed();
            }
            return value;
        } catch (RuntimeException | Error failure) {
            // A failed future leaves the cache by itself; the waiters get the same failure.
            mine.completeExceptionally(failure);
            throw failure;
        }
    }

    /** What Redis holds for key, or null without Redis or when it cannot be asked. */
    private RedisCacheLevel.Lookup lookUpShared(String key) {
        if (shared == null) {
            return null;
        }
        RedisCacheLevel.Lookup found = shared.lookup(name, key);
        if (found == null) {
            metrics.redisFailed();
        } else if (found.value() == null) {
            metrics.sharedMiss();
        } else {
            metrics.sharedHit();
        }
        return found;
    }

    private static byte[] valueOf(CompletableFuture<byte[]> future) {
        try {
            return future.join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException loaderFailure) {
                throw loaderFailure;
            }
            if (failed.getCause() instanceof Error error) {
                throw error;
            }
            throw failed;
        }
    }

    @Override
    public void evict(String key) {
        Objects.requireNonNull(key, "key");
        afterCommit(() -> {
            // Redis first: once the local entry is gone, the next load must not find the old value there.
            if (shared != null && !shared.evict(name, key)) {
                metrics.redisFailed();
            }
            dropLocally(key);
        });
    }

    @Override
    public void clear() {
        afterCommit(() -> {
            if (shared != null && !shared.clear(name)) {
                metrics.redisFailed();
            }
            dropAllLocally();
        });
    }

    void dropLocally(String key) {
        local.synchronous().invalidate(key);
    }

    void dropAllLocally() {
        local.synchronous().invalidateAll();
    }

    /** Inside a transaction, once it commits (never if it rolls back); outside one, now. */
    private static void afterCommit(Runnable invalidation) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    invalidation.run();
                }
            });
        } else {
            invalidation.run();
        }
    }
}
