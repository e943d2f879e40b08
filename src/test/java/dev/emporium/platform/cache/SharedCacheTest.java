package dev.emporium.platform.cache;

import static dev.emporium.platform.cache.SharedCacheSettingsTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.emporium.support.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The caches without Redis (none is configured here): this instance's level alone, in the running application. */
@IntegrationTest
class SharedCacheTest {

    @Autowired
    SharedCaches caches;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry registry;

    /** Each test its own cache: the application context, and so its caches and meters, outlive a test. */
    private final String name = "local-" + UUID.randomUUID();
    private final AtomicReference<String> source = new AtomicReference<>("v1");
    private final AtomicInteger loads = new AtomicInteger();

    @Test
    void evictsLocallyWithoutRedis() {
        SharedCache cache = caches.cache(name);
        assertThat(get(cache, "p-1")).isEqualTo("v1");
        source.set("v2");
        assertThat(get(cache, "p-1")).as("cached").isEqualTo("v1");

        cache.evict("p-1");

        assertThat(get(cache, "p-1")).isEqualTo("v2");
        assertThat(loads).hasValue(2);
        assertThat(counted("local", "hit")).isEqualTo(1);
        assertThat(counted("local", "miss")).isEqualTo(2);
        assertThat(counted("shared", "miss")).as("no Redis, no shared level").isZero();
        assertThat(registry.get("emporium.cache.loads").tag("cache", name).timer().count()).isEqualTo(2);
    }

    @Test
    void clearsLocallyWithoutRedis() {
        SharedCache cache = caches.cache(name);
        get(cache, "p-1");
        get(cache, "p-2");
        source.set("v2");

        cache.clear();

        assertThat(get(cache, "p-1")).isEqualTo("v2");
        assertThat(get(cache, "p-2")).isEqualTo("v2");
        assertThat(loads).hasValue(4);
    }

    @Test
    void nullFromTheLoaderIsReturnedAndNotCached() {
        SharedCache cache = caches.cache(name);

        assertThat(cache.get("missing", () -> {
            loads.incrementAndGet();
            return null;
        })).isNull();

        assertThat(get(cache, "missing")).isEqualTo("v1");
        assertThat(loads).hasValue(2);
    }

    @Test
    void loaderFailureReachesTheCallerAndIsNotCached() {
        SharedCache cache = caches.cache(name);
        Supplier<byte[]> failing = () -> {
            throw new IllegalStateException("database says no");
        };

        assertThatThrownBy(() -> cache.get("p-1", failing)).isInstanceOf(IllegalStateException.class).hasMessage("database says no");

        assertThat(get(cache, "p-1")).isEqualTo("v1");
    }

    @Test
    void evictInsideATransactionWaitsForCommitAndNeverHappensOnRollback() {
        SharedCache cache = caches.cache(name);
        get(cache, "p-1");
        source.set("v2");

        transactions.executeWithoutResult(status -> {
            jdbc.sql("select txid_current()").query(Long.class).single(); // a real transaction in PostgreSQL
            cache.evict("p-1");
            status.setRollbackOnly();
        });
        assertThat(get(cache, "p-1")).as("rolled back: still cached").isEqualTo("v1");

        transactions.executeWithoutResult(status -> {
            jdbc.sql("select txid_current()").query(Long.class).single();
            cache.evict("p-1");
            assertThat(get(cache, "p-1")).as("not before commit").isEqualTo("v1");
        });
        assertThat(get(cache, "p-1")).as("committed: evicted").isEqualTo("v2");
    }

    private String get(SharedCache cache, String key) {
        return new String(cache.get(key, () -> {
            loads.incrementAndGet();
            return bytes(source.get());
        }), StandardCharsets.UTF_8);
    }

    private double counted(String level, String result) {
        return registry.get("emporium.cache.gets").tag("cache", name).tag("level", level).tag("result", result).counter().count();
    }
}
