package dev.emporium.platform.cache;

import static dev.emporium.platform.cache.SharedCacheSettingsTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.emporium.support.Instances;
import dev.emporium.support.Logs;
import dev.emporium.support.TcpProxy;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Whole application instances sharing the real Redis on 127.0.0.1:6379 ({@code ./emporium test} starts it), as a
 * deployment's instances do. Every instance here uses a key prefix of this run's own, which also names its
 * invalidation channel, so parallel runs on the same Redis neither see nor disturb each other; each test uses keys of
 * its own. Two instances run for the whole class; tests that cut an instance off Redis start a third behind a proxy.
 */
@ExtendWith(OutputCaptureExtension.class)
class SharedCacheRedisTest {

    private static final String REDIS_HOST = "127.0.0.1";
    private static final int REDIS_PORT = 6379;
    /** Invalidations must reach every instance well within this. */
    private static final Duration PROPAGATION = Duration.ofSeconds(1);
    /** Lettuce reconnects within a second of Redis answering again; the rest is slack for a busy machine. */
    private static final Duration RECONNECTION = Duration.ofSeconds(10);

    private static final String KEY_PREFIX = "emporium-test:" + UUID.randomUUID() + ":cache:";
    private static Instance first;
    private static Instance second;

    private final List<AutoCloseable> started = new ArrayList<>();
    private final String key = "product-" + UUID.randomUUID();
    private final AtomicReference<String> source = new AtomicReference<>("v1");

    @BeforeAll
    static void startTwoInstances() {
        first = start(REDIS_PORT);
        second = start(REDIS_PORT);
    }

    @AfterAll
    static void stopInstancesAndForgetTheirKeys() {
        first.context().close();
        second.context().close();
        try (RedisClient redis = RedisClient.create("redis://" + REDIS_HOST + ":" + REDIS_PORT);
                StatefulRedisConnection<String, String> connection = redis.connect()) {
            List<String> keys = connection.sync().keys(KEY_PREFIX + "*");
            if (!keys.isEmpty()) {
                connection.sync().del(keys.toArray(String[]::new));
            }
        }
    }

    @AfterEach
    void stopWhatTheTestStarted() throws Exception {
        for (AutoCloseable closeable : started.reversed()) {
            closeable.close();
        }
    }

    @Test
    void hundredConcurrentMissesLoadOnce() throws Exception {
        int callers = 100;
        SharedCache cache = first.cache("stampede");
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch arrived = new CountDownLatch(callers);
        List<Future<byte[]>> answers = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < callers; i++) {
                answers.add(clients.submit(() -> {
                    go.await();
                    arrived.countDown();
                    return cache.get(key, () -> {
                        loads.incrementAndGet();
                        awaitQuietly(arrived);
                        sleepQuietly(Duration.ofMillis(100)); // the last callers to arrive reach get() meanwhile
                        return bytes("rendered");
                    });
                }));
            }
            go.countDown();
        }

        for (Future<byte[]> answer : answers) {
            assertThat(answer.get()).isEqualTo(bytes("rendered"));
        }
        assertThat(loads).hasValue(1);
        assertThat(first.counted("stampede", "local", "miss")).isEqualTo(1);
        assertThat(first.counted("stampede", "local", "hit")).isEqualTo(callers - 1);
        assertThat(first.counted("stampede", "shared", "miss")).isEqualTo(1);
        // Stored in Redis: the other instance finds it there without loading.
        assertThat(second.cache("stampede").get(key, () -> bytes("loaded again"))).isEqualTo(bytes("rendered"));
        assertThat(second.counted("stampede", "shared", "hit")).isEqualTo(1);
    }

    @Test
    void evictOnOneInstanceReloadsOnTheOtherWithinOneSecond() {
        Loader onFirst = new Loader(first.cache("product"));
        Loader onSecond = new Loader(second.cache("product"));
        assertThat(onFirst.get(key)).isEqualTo("v1");
        assertThat(onSecond.get(key)).isEqualTo("v1");
        assertThat(onSecond.loads).as("found in Redis").hasValue(0);
        source.set("v2");
        assertThat(onFirst.get(key)).as("cached").isEqualTo("v1");
        assertThat(onSecond.get(key)).as("cached").isEqualTo("v1");

        first.cache("product").evict(key);

        assertThat(onFirst.get(key)).isEqualTo("v2");
        await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(10)).untilAsserted(() -> assertThat(onSecond.get(key)).isEqualTo("v2"));
        assertThat(onFirst.loads.get() + onSecond.loads.get()).as("one of them loaded v2, maybe both").isBetween(2, 3);
    }

    @Test
    void clearOnOneInstanceReloadsEveryKeyOnTheOtherWithinOneSecond() {
        String otherKey = key + "-other";
        Loader onFirst = new Loader(first.cache("listing"));
        Loader onSecond = new Loader(second.cache("listing"));
        for (String each : List.of(key, otherKey)) {
            assertThat(onFirst.get(each)).isEqualTo("v1");
            assertThat(onSecond.get(each)).isEqualTo("v1");
        }
        source.set("v2");

        second.cache("listing").clear();

        assertThat(onSecond.get(key)).isEqualTo("v2");
        await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(10)).untilAsserted(() -> {
            assertThat(onFirst.get(key)).isEqualTo("v2");
            assertThat(onFirst.get(otherKey)).isEqualTo("v2");
        });
        assertThat(onSecond.get(otherKey)).isEqualTo("v2");
    }

    @Test
    void loadOverlappingAnEvictionIsNeitherKeptNorShared() throws Exception {
        assertLoadOverlappingInvalidationIsNeitherKeptNorShared(cache -> cache.evict(key));
    }

    @Test
    void loadOverlappingAClearIsNeitherKeptNorShared() throws Exception {
        assertLoadOverlappingInvalidationIsNeitherKeptNorShared(SharedCache::clear);
    }

    /**
     * A load reads the data, the data changes and its change is invalidated on another instance, then the load ends
     * with what it read: that older value must not be stored in Redis (the fence or the new generation refuses it)
     * nor kept on the loading instance (the invalidation removed the entry while it was loading).
     */
    private void assertLoadOverlappingInvalidationIsNeitherKeptNorShared(Consumer<SharedCache> invalidation) throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch changed = new CountDownLatch(1);
        Future<byte[]> slowLoad;
        try (ExecutorService caller = Executors.newVirtualThreadPerTaskExecutor()) {
            slowLoad = caller.submit(() -> first.cache("product").get(key, () -> {
                byte[] read = bytes(source.get());
                reading.countDown();
                awaitQuietly(changed);
                return read;
            }));
            reading.await();
            source.set("v2");
            invalidation.accept(second.cache("product"));
            changed.countDown();
            assertThat(slowLoad.get()).as("its caller still gets what it waited for").isEqualTo(bytes("v1"));
        }

        assertThat(new Loader(second.cache("product")).get(key)).as("not stored in Redis").isEqualTo("v2");
        Loader onFirst = new Loader(first.cache("product"));
        await().atMost(PROPAGATION).untilAsserted(() -> assertThat(onFirst.get(key)).isEqualTo("v2"));
    }

    @Test
    void evictInsideATransactionReachesOtherInstancesAfterCommitAndNeverOnRollback() {
        Loader onFirst = new Loader(first.cache("product"));
        Loader onSecond = new Loader(second.cache("product"));
        onFirst.get(key);
        onSecond.get(key);
        source.set("v2");
        TransactionTemplate transactions = first.context().getBean(TransactionTemplate.class);

        transactions.executeWithoutResult(status -> {
            first.cache("product").evict(key);
            status.setRollbackOnly();
        });
        // Invalidations arrive in the order they were sent: once a later one has arrived, a rolled-back one would have too.
        String barrier = key + "-barrier";
        onSecond.get(barrier);
        first.cache("product").evict(barrier);
        source.set("v3");
        await().atMost(PROPAGATION).untilAsserted(() -> assertThat(onSecond.get(barrier)).isEqualTo("v3"));
        assertThat(onSecond.get(key)).as("rolled back: still cached").isEqualTo("v1");
        assertThat(onFirst.get(key)).as("rolled back: still cached").isEqualTo("v1");

        transactions.executeWithoutResult(status -> {
            first.cache("product").evict(key);
            assertThat(onFirst.get(key)).as("not before commit").isEqualTo("v1");
        });

        assertThat(onFirst.get(key)).isEqualTo("v3");
        await().atMost(PROPAGATION).untilAsserted(() -> assertThat(onSecond.get(key)).isEqualTo("v3"));
    }

    @Test
    void redisUnreachableStillServesLoaderValues(CapturedOutput log) throws Exception {
        TcpProxy redis = proxyToRedis();
        Instance cutOff = startForThisTest(redis.port());
        Loader loader = new Loader(cutOff.cache("product"));
        assertThat(loader.get(key)).isEqualTo("v1");

        redis.cut();

        source.set("v2");
        assertThat(loader.get(key + "-new")).isEqualTo("v2");
        cutOff.cache("product").evict(key);
        assertThat(loader.get(key)).as("evicted locally all the same").isEqualTo("v2");
        cutOff.cache("product").clear();
        assertThat(loader.get(key)).isEqualTo("v2");
        assertThat(loader.loads).hasValue(4);
        assertThat(cutOff.redisFailures("product")).isGreaterThanOrEqualTo(4);
        Logs.awaitContains(log, "is unreachable for the shared cache");
    }

    @Test
    void evictionWhileRedisIsAwayClearsTheCacheEverywhereOnceItAnswers(CapturedOutput log) throws Exception {
        TcpProxy redis = proxyToRedis();
        Instance cutOff = startForThisTest(redis.port());
        Loader onCutOff = new Loader(cutOff.cache("product"));
        Loader onSecond = new Loader(second.cache("product"));
        onCutOff.get(key);
        onSecond.get(key);
        redis.cut();
        source.set("v2");

        cutOff.cache("product").evict(key);
        assertThat(onSecond.get(key)).as("the other instance could not hear of it").isEqualTo("v1");

        redis.restore();

        await().atMost(RECONNECTION).untilAsserted(() -> assertThat(onSecond.get(key)).isEqualTo("v2"));
        Logs.awaitContains(log, "an eviction could not reach it while it was away");
    }

    @Test
    void lostSubscriptionDropsLocalEntriesWhenItComesBack(CapturedOutput log) throws Exception {
        TcpProxy redis = proxyToRedis();
        Instance cutOff = startForThisTest(redis.port());
        Loader onCutOff = new Loader(cutOff.cache("product"));
        onCutOff.get(key);
        redis.cut();
        source.set("v2");

        // Published while the instance behind the proxy is not listening: it misses this eviction.
        second.cache("product").evict(key);
        assertThat(onCutOff.get(key)).isEqualTo("v1");

        redis.restore();

        // The test caches keep entries for a minute: only dropping them on re-subscribing explains a reload now.
        await().atMost(RECONNECTION).untilAsserted(() -> assertThat(onCutOff.get(key)).isEqualTo("v2"));
        Logs.awaitContains(log, "Listening again for cache invalidations");
    }

    @Test
    void redisUnreachableAtStartIsNoReasonNotToStart() throws Exception {
        TcpProxy redis = proxyToRedis();
        redis.cut();
        Instance late = startForThisTest(redis.port());
        Loader onLate = new Loader(late.cache("product"));
        assertThat(onLate.get(key)).isEqualTo("v1");

        redis.restore();

        // Connected in the background: what it loads is then stored where the other instances find it.
        AtomicReference<String> sharedKey = new AtomicReference<>();
        await().atMost(RECONNECTION).untilAsserted(() -> {
            sharedKey.set(key + "-" + UUID.randomUUID());
            onLate.get(sharedKey.get());
            assertThat(late.counted("product", "shared", "miss")).isPositive();
        });
        assertThat(second.cache("product").get(sharedKey.get(), () -> bytes("not shared"))).isEqualTo(bytes("v1"));
    }

    private TcpProxy proxyToRedis() throws Exception {
        TcpProxy proxy = new TcpProxy(REDIS_HOST, REDIS_PORT);
        started.add(proxy);
        return proxy;
    }

    private static Instance start(int redisPort) {
        ConfigurableApplicationContext context = Instances.start(
                "--emporium.redis.url=redis://" + REDIS_HOST + ":" + redisPort,
                // Roomier than production's 100 ms: this machine may be busy, and a timed-out lookup loads instead,
                // which would blur an exact count of loads. A cut connection fails at once either way.
                "--emporium.redis.timeout=1s",
                "--emporium.cache.key-prefix=" + KEY_PREFIX,
                // Entries stay for the whole of a test unless an invalidation removes them.
                "--emporium.cache.caches.product.local-ttl=1m",
                "--emporium.cache.caches.listing.local-ttl=1m",
                "--emporium.cache.caches.stampede.local-ttl=1m");
        return new Instance(context);
    }

    private Instance startForThisTest(int redisPort) {
        Instance instance = start(redisPort);
        started.add(instance.context());
        return instance;
    }

    /** Gets through one instance's cache, loading the current {@link #source} and counting its loads. */
    private final class Loader {

        private final SharedCache cache;
        private final AtomicInteger loads = new AtomicInteger();

        Loader(SharedCache cache) {
            this.cache = cache;
        }

        String get(String key) {
            return new String(cache.get(key, () -> {
                loads.incrementAndGet();
                return bytes(source.get());
            }), StandardCharsets.UTF_8);
        }
    }

    private record Instance(ConfigurableApplicationContext context) {

        SharedCache cache(String name) {
            return context.getBean(SharedCaches.class).cache(name);
        }

        double counted(String cache, String level, String result) {
            return context.getBean(MeterRegistry.class).get("emporium.cache.gets")
                    .tag("cache", cache).tag("level", level).tag("result", result).counter().count();
        }

        double redisFailures(String cache) {
            return context.getBean(MeterRegistry.class).get("emporium.cache.redis.failures").tag("cache", cache).counter().count();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
