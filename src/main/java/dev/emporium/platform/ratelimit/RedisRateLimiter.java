package dev.emporium.platform.ratelimit;

import dev.emporium.platform.redis.RedisConnections;
import dev.emporium.platform.redis.RedisOutageLog;
import dev.emporium.platform.redis.RedisScript;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buckets in Redis, shared by every instance: one Lua script ({@code ratelimit/token-bucket.lua}) refills and takes
 * tokens atomically on Redis's clock: one round trip and no retries, however many requests share a key (a
 * compare-and-swap would have them retry against each other). Requests that arrive while a call is in flight go
 * together in the next call, whatever their keys ({@link CoalescingTaker}), so a crowd or a hot key costs a round
 * trip per batch, not per request, and a busy key of a large plan takes tokens ahead and serves them from here
 * ({@link TokenReserves}). Each key expires once its bucket would be full again. Every command is bounded by
 * {@code emporium.redis.timeout}; while Redis cannot be reached, requests are served unlimited (fail-open) or refused
 * (fail-closed), counted, and a warning is logged at most every 30 seconds. Lettuce reconnects by itself; a
 * connection that was never made is retried in the background, at most once a second, never on a request's time.
 */
final class RedisRateLimiter implements RateLimiter, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisRateLimiter.class);
    private static final StringCodec CODEC = StringCodec.UTF8;
    private static final RedisScript TOKEN_BUCKET = RedisScript.load("/ratelimit/token-bucket.lua");
    private static final long CONNECT_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final RateLimitPlans plans;
    private final RateLimitMetrics metrics;
    private final boolean failOpen;
    private final RedisConnections redis;
    private final RedisOutageLog outages;
    private final CoalescingTaker taker = new CoalescingTaker(this::take);
    private final TokenReserves reserves = new TokenReserves(System::nanoTime);

    private volatile StatefulRedisConnection<String, String> connection;
    private volatile boolean closed;
    private final AtomicBoolean connecting = new AtomicBoolean();
    private volatile long nextConnectAttempt;

    RedisRateLimiter(RedisConnections redis, RateLimitPlans plans, RateLimitMetrics metrics,
            RateLimitProperties.RedisFailurePolicy policy) {
        this.plans = plans;
        this.metrics = metrics;
        this.failOpen = policy == RateLimitProperties.RedisFailurePolicy.FAIL_OPEN;
        this.redis = redis;
        this.outages = new RedisOutageLog(log,
                "Redis at " + redis.address() + " is unreachable for rate limiting ({}): {} request(s) since the last warning "
                        + (failOpen ? "were served without a limit (fail-open)" : "were refused with 503 (fail-closed)"),
                "Redis at " + redis.address() + " answers again; rate limits are shared again");
        try {
            use(redis.connect(CODEC));
            warmUp(plans);
            log.info("Rate-limit buckets are kept in Redis at {}", redis.address());
        } catch (RuntimeException unreachable) {
            nextConnectAttempt = System.nanoTime() + CONNECT_INTERVAL_NANOS;
            log.warn("Redis at {} is unreachable ({}); rate limits use it as soon as it answers, until then requests are {}",
                    redis.address(), unreachable.getMessage(), failOpen ? "served without a limit (fail-open)" : "refused (fail-closed)");
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
            take(Map.of(any.storeKey("warm-up"), new CoalescingTaker.Wanted(any, 1)));
        } catch (RuntimeException slowFirstTime) {
            // Only the code paths mattered; requests have their own timeouts.
        }
    }

    @Override
    public RateLimitDecision tryConsume(String key, String plan) {
        RateLimitPlan limits = plans.get(plan);
        String storeKey = limits.storeKey(key);
        CoalescingTaker.Share share = reserves.takeOne(storeKey, limits);
        if (share == null) {
            if (connection == null) {
                connectInBackground();
                return unreachable(limits, null);
            }
            try {
                share = taker.takeOne(storeKey, limits);
            } catch (RuntimeException failure) {
                return unreachable(limits, failure);
            }
            outages.answered();
        }
        RateLimitDecision decision = limits.decisionOf(share.granted(), share.left(),
                TimeUnit.MICROSECONDS.toNanos(share.microsToNextToken()), TimeUnit.MICROSECONDS.toNanos(share.microsToFull()));
        if (!decision.allowed()) {
            metrics.rejected(limits, key);
        }
        return decision;
    }

    /**
     * The tokens a batch wants, key by key: first from each key's reserve, the rest in one call to Redis for all keys,
     * which also asks for the tokens the reserves take ahead. Throws when Redis cannot be reached.
     */
    private Map<String, CoalescingTaker.Taken> take(Map<String, CoalescingTaker.Wanted> batch) {
        Map<String, CoalescingTaker.Taken> answers = HashMap.newHashMap(batch.size());
        List<Asked> asked = new ArrayList<>(batch.size());
        for (Map.Entry<String, CoalescingTaker.Wanted> entry : batch.entrySet()) {
            String key = entry.getKey();
            CoalescingTaker.Wanted wanted = entry.getValue();
            TokenReserves.Ahead ahead = reserves.beforeCall(key, wanted.plan(), wanted.count());
            int rest = wanted.count() - ahead.taken();
            if (rest == 0) {
                answers.put(key, new CoalescingTaker.Taken(wanted.count(), ahead.left(), 0, ahead.microsToFull()));
            } else {
                asked.add(new Asked(key, wanted.plan(), ahead, rest));
            }
        }
        if (asked.isEmpty()) {
            return answers;
        }
        StatefulRedisConnection<String, String> redis = connection;
        if (redis == null) {
            throw new RedisConnectionException("not connected");
        }
        String[] keys = new String[asked.size()];
        String[] args = new String[3 * asked.size()];
        for (int i = 0; i < asked.size(); i++) {
            Asked one = asked.get(i);
            keys[i] = one.key();
            args[3 * i] = Long.toString(one.plan().capacity());
            args[3 * i + 1] = Long.toString(Math.max(1, TimeUnit.MICROSECONDS.convert(one.plan().period())));
            args[3 * i + 2] = Long.toString(one.rest() + one.ahead().extra());
        }
        List<Long> buckets = TOKEN_BUCKET.run(redis.sync(), ScriptOutputType.MULTI, keys, args);
        for (int i = 0; i < asked.size(); i++) {
            Asked one = asked.get(i);
            long granted = buckets.get(4 * i);
            long left = buckets.get(4 * i + 1);
            long microsToFull = buckets.get(4 * i + 3);
            // The batch's requests come first; only what is granted beyond them is held.
            long forBatch = Math.min(granted, one.rest());
            long surplus = granted - forBatch;
            reserves.keep(one.key(), surplus, left, microsToFull);
            answers.put(one.key(), new CoalescingTaker.Taken(one.ahead().taken() + forBatch, left + surplus,
                    buckets.get(4 * i + 2), microsToFull));
        }
        return answers;
    }

    /** A key of the batch that Redis is asked for: {@code rest} tokens beyond what its reserve gave. */
    private record Asked(String key, RateLimitPlan plan, TokenReserves.Ahead ahead, int rest) {
    }

    private RateLimitDecision unreachable(RateLimitPlan plan, RuntimeException failure) {
        metrics.redisFailed();
        outages.failed(failure == null ? "not connected" : failure.toString());
        if (failOpen) {
            return plan.unmetered();
        }
        throw new RateLimitUnavailableException(failure);
    }

    private void connectInBackground() {
        if (System.nanoTime() - nextConnectAttempt < 0 || closed || !connecting.compareAndSet(false, true)) {
            return;
        }
        redis.connectAsync(CODEC).whenComplete((connected, failure) -> {
            if (connected != null) {
                use(connected);
                log.info("Connected to Redis at {}; rate-limit buckets are kept there", redis.address());
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
        connection = connected;
    }

    /** Closes this limiter's connection; the client itself belongs to {@link RedisConnections}. */
    @Override
    public void close() {
        closed = true;
        StatefulRedisConnection<String, String> open = connection;
        connection = null;
        if (open != null) {
            open.close();
        }
    }
}
