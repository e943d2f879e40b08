package dev.emporium.platform.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.RemoteBucketBuilder;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buckets in Redis, shared by every instance: Bucket4j's compare-and-swap over Lettuce, each key expiring once
 * its bucket would be full again. Every command is bounded by {@code emporium.redis.timeout}; while Redis cannot
 * be reached, requests are served unlimited (fail-open) or refused (fail-closed), counted, and a warning is logged
 * at most every 30 seconds. Lettuce reconnects by itself; a connection that was never made is retried in the
 * background, at most once a second, never on a request's time.
 */
final class RedisRateLimiter implements RateLimiter, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisRateLimiter.class);
    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
    private static final long WARNING_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final long CONNECT_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Keys outlive the moment their bucket is full by this much, so a clock skew between instances loses nothing. */
    private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(10);

    private final RateLimitPlans plans;
    private final RateLimitMetrics metrics;
    private final boolean failOpen;
    private final Duration timeout;
    private final String address;
    private final ClientResources resources;
    private final RedisClient client;
    private final RedisURI uri;

    private volatile StatefulRedisConnection<String, byte[]> connection;
    private volatile RemoteBucketBuilder<String> buckets;
    private volatile boolean closed;
    private final AtomicBoolean connecting = new AtomicBoolean();
    private volatile long nextConnectAttempt;
    private final AtomicLong nextWarning = new AtomicLong(System.nanoTime());
    private final LongAdder failuresSinceWarning = new LongAdder();
    private final AtomicBoolean degraded = new AtomicBoolean();

    RedisRateLimiter(RedisConnectionProperties redis, RateLimitPlans plans, RateLimitMetrics metrics,
            RateLimitProperties.RedisFailurePolicy policy) {
        this.plans = plans;
        this.metrics = metrics;
        this.failOpen = policy == RateLimitProperties.RedisFailurePolicy.FAIL_OPEN;
        this.timeout = redis.timeout();
        this.uri = RedisURI.create(redis.url());
        // The URI's timeout bounds connecting and the handshake; commands have their own, shorter one below.
        this.uri.setTimeout(redis.connectTimeout());
        this.address = uri.getHost() + ":" + uri.getPort(); // never the URL: it may carry a password
        this.resources = ClientResources.builder()
                .ioThreadPoolSize(2)
                .computationThreadPoolSize(2)
                .reconnectDelay(() -> Delay.exponential(Duration.ofMillis(10), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                // Not connected: fail at once instead of queueing commands until the timeout.
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(redis.timeout()))
                .socketOptions(SocketOptions.builder().connectTimeout(redis.connectTimeout()).build())
                .build());
        try {
            use(client.connect(CODEC, uri));
            warmUp(plans);
            log.info("Rate-limit buckets are kept in Redis at {}", address);
        } catch (RuntimeException unreachable) {
            nextConnectAttempt = System.nanoTime() + CONNECT_INTERVAL_NANOS;
            log.warn("Redis at {} is unreachable ({}); rate limits use it as soon as it answers, until then requests are {}",
                    address, unreachable.getMessage(), failOpen ? "served without a limit (fail-open)" : "refused (fail-closed)");
        }
    }

    /**
     * One bucket operation before the first request: the first one loads and compiles Bucket4j's and Lettuce's
     * code paths, which on a cold JVM can take longer than a command may.
     */
    private void warmUp(RateLimitPlans plans) {
        RemoteBucketBuilder<String> remote = buckets;
        RateLimitPlan any = plans.get(RateLimitPlans.ANONYMOUS);
        try {
            remote.build(any.storeKey("warm-up"), any.configuration()).getAvailableTokens();
        } catch (RuntimeException slowFirstTime) {
            // Only the code paths mattered; requests have their own timeouts.
        }
    }

    @Override
    public RateLimitDecision tryConsume(String key, String plan) {
        RateLimitPlan limits = plans.get(plan);
        RemoteBucketBuilder<String> remote = buckets;
        if (remote == null) {
            connectInBackground();
            return unreachable(limits, null);
        }
        ConsumptionProbe probe;
        try {
            probe = remote.build(limits.storeKey(key), limits.configuration()).tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException failure) {
            return unreachable(limits, failure);
        }
        if (degraded.get() && degraded.compareAndSet(true, false)) {
            log.info("Redis at {} answers again; rate limits are shared again", address);
        }
        RateLimitDecision decision = limits.decisionOf(probe);
        if (!decision.allowed()) {
            metrics.rejected(limits, key);
        }
        return decision;
    }

    private RateLimitDecision unreachable(RateLimitPlan plan, RuntimeException failure) {
        metrics.redisFailed();
        degraded.set(true);
        failuresSinceWarning.increment();
        long now = System.nanoTime();
        long due = nextWarning.get();
        if (now - due >= 0 && nextWarning.compareAndSet(due, now + WARNING_INTERVAL_NANOS)) {
            log.warn("Redis at {} is unreachable for rate limiting ({}): {} request(s) since the last warning {}",
                    address, failure == null ? "not connected" : failure.toString(), failuresSinceWarning.sumThenReset(),
                    failOpen ? "were served without a limit (fail-open)" : "were refused with 503 (fail-closed)");
        }
        if (failOpen) {
            return plan.unmetered();
        }
        throw new RateLimitUnavailableException(failure);
    }

    private void connectInBackground() {
        if (System.nanoTime() - nextConnectAttempt < 0 || closed || !connecting.compareAndSet(false, true)) {
            return;
        }
        client.connectAsync(CODEC, uri).whenComplete((connected, failure) -> {
            if (connected != null) {
                use(connected);
                log.info("Connected to Redis at {}; rate-limit buckets are kept there", address);
            } else {
                nextConnectAttempt = System.nanoTime() + CONNECT_INTERVAL_NANOS;
            }
            connecting.set(false);
        });
    }

    private void use(StatefulRedisConnection<String, byte[]> connected) {
        if (closed) {
            connected.close();
            return;
        }
        connection = connected;
        buckets = Bucket4jLettuce.casBasedBuilder(connected)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(EXPIRY_MARGIN))
                .requestTimeout(timeout)
                .build()
                .builder();
    }

    @Override
    public void close() {
        closed = true;
        buckets = null;
        StatefulRedisConnection<String, byte[]> open = connection;
        if (open != null) {
            open.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
