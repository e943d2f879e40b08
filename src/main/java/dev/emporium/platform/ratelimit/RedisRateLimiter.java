package dev.emporium.platform.ratelimit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buckets in Redis, shared by every instance: each request runs one Lua script ({@code ratelimit/token-bucket.lua})
 * that refills and takes a token atomically on Redis's clock: one round trip and no retries, however many
 * requests share a key (a compare-and-swap would have them retry against each other). Each key expires once its
 * bucket would be full again. Every command is bounded by {@code emporium.redis.timeout}; while Redis cannot be
 * reached, requests are served unlimited (fail-open) or refused (fail-closed), counted, and a warning is logged
 * at most every 30 seconds. Lettuce reconnects by itself; a connection that was never made is retried in the
 * background, at most once a second, never on a request's time.
 */
final class RedisRateLimiter implements RateLimiter, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisRateLimiter.class);
    private static final StringCodec CODEC = StringCodec.UTF8;
    private static final String SCRIPT = script("/ratelimit/token-bucket.lua");
    /** What EVALSHA names the script by; Redis computes the same SHA-1 when it caches the script. */
    private static final String SCRIPT_SHA = sha1(SCRIPT);
    private static final long WARNING_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final long CONNECT_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final RateLimitPlans plans;
    private final RateLimitMetrics metrics;
    private final boolean failOpen;
    private final Duration timeout;
    private final String address;
    private final ClientResources resources;
    private final RedisClient client;
    private final RedisURI uri;

    private volatile StatefulRedisConnection<String, String> connection;
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
     * One bucket operation before the first request: the first one loads and compiles Lettuce's code paths, which
     * on a cold JVM can take longer than a command may, and has Redis cache the script. The key is no client's
     * (those start with their kind) and expires like any other.
     */
    private void warmUp(RateLimitPlans plans) {
        RateLimitPlan any = plans.get(RateLimitPlans.ANONYMOUS);
        try {
            take(connection.sync(), any.storeKey("warm-up"), any);
        } catch (RuntimeException slowFirstTime) {
            // Only the code paths mattered; requests have their own timeouts.
        }
    }

    @Override
    public RateLimitDecision tryConsume(String key, String plan) {
        RateLimitPlan limits = plans.get(plan);
        StatefulRedisConnection<String, String> redis = connection;
        if (redis == null) {
            connectInBackground();
            return unreachable(limits, null);
        }
        List<Long> bucket;
        try {
            bucket = take(redis.sync(), limits.storeKey(key), limits);
        } catch (RuntimeException failure) {
            return unreachable(limits, failure);
        }
        if (degraded.get() && degraded.compareAndSet(true, false)) {
            log.info("Redis at {} answers again; rate limits are shared again", address);
        }
        RateLimitDecision decision = limits.decisionOf(bucket.get(0) == 1, bucket.get(1),
                TimeUnit.MICROSECONDS.toNanos(bucket.get(2)), TimeUnit.MICROSECONDS.toNanos(bucket.get(3)));
        if (!decision.allowed()) {
            metrics.rejected(limits, key);
        }
        return decision;
    }

    /** One token from {@code key}'s bucket: {allowed 0/1, tokens left, µs until the next token, µs until full}. */
    private static List<Long> take(RedisCommands<String, String> redis, String key, RateLimitPlan plan) {
        String[] keys = {key};
        String capacity = Long.toString(plan.capacity());
        String periodMicros = Long.toString(Math.max(1, TimeUnit.MICROSECONDS.convert(plan.period())));
        try {
            return redis.evalsha(SCRIPT_SHA, ScriptOutputType.MULTI, keys, capacity, periodMicros);
        } catch (RedisNoScriptException notCached) {
            // First use, or Redis restarted or flushed its scripts: EVAL runs the script and caches it again.
            return redis.eval(SCRIPT, ScriptOutputType.MULTI, keys, capacity, periodMicros);
        }
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

    private void use(StatefulRedisConnection<String, String> connected) {
        if (closed) {
            connected.close();
            return;
        }
        // A synchronous call waits as long as a command may live, not as long as connecting may take.
        connected.setTimeout(timeout);
        connection = connected;
    }

    private static String script(String resource) {
        try (InputStream in = RedisRateLimiter.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible); // every Java platform has SHA-1
        }
    }

    @Override
    public void close() {
        closed = true;
        StatefulRedisConnection<String, String> open = connection;
        connection = null;
        if (open != null) {
            open.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
