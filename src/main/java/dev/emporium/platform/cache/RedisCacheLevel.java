package dev.emporium.platform.cache;

import dev.emporium.platform.redis.RedisConnections;
import dev.emporium.platform.redis.RedisOutageLog;
import dev.emporium.platform.redis.RedisScript;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared level of every cache, in Redis. A cache's keys are {@code <prefix><name>:<generation>:<key>}; its
 * generation is a counter in Redis ({@code <prefix><name>:generation}) that a clear increments, so nothing is ever
 * scanned and old keys expire by themselves. Each operation is one Lua script that reads the generation itself, so no
 * instance can use a stale one. Evictions and clears are published on {@code <prefix>invalidations}; every instance
 * (this one included) drops its local entries when it hears them, and drops all of them whenever it subscribes
 * again after losing the connection, since it may have missed some.
 *
 * <p>Redis may be down: every command is bounded by {@code emporium.redis.timeout}, a failure returns null or false
 * (the caller falls back to the local level and the loader) and is logged at most every 30 s. An eviction or clear
 * that could not reach Redis becomes a clear of that cache as soon as Redis answers, because the key it should have
 * removed may still be there. Connections that could not be made are retried once a second in the background.
 */
final class RedisCacheLevel implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisCacheLevel.class);
    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
    private static final RedisScript LOOKUP = RedisScript.load("/cache/lookup.lua");
    private static final RedisScript FILL = RedisScript.load("/cache/fill.lua");
    private static final RedisScript EVICT = RedisScript.load("/cache/evict.lua");
    private static final RedisScript CLEAR = RedisScript.load("/cache/clear.lua");
    /**
     * How long after an eviction no load may store its value in Redis. A load that read the data before the change was
     * committed has finished by then, so its older value is refused instead of being served for the shared TTL.
     */
    private static final Duration FENCE = Duration.ofSeconds(5);

    /** The generation a lookup saw, and the value stored under it (null on a miss). */
    record Lookup(String generation, byte[] value) {}

    /** Where what is heard on the invalidation channel goes. */
    interface Listener {

        void invalidated(Invalidation invalidation);

        /** Subscribed, at first or again: whatever was published while not subscribed was missed. */
        void subscribed();
    }

    private final RedisConnections redis;
    private final String keyPrefix;
    private final String channel;
    private final RedisOutageLog outages;
    /** Caches whose eviction or clear could not reach Redis: each is cleared once Redis answers. */
    private final Set<String> unsharedInvalidations = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean subscribedBefore = new AtomicBoolean();
    private final ScheduledExecutorService housekeeping =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("shared-cache-redis").factory());
    private volatile Listener listener;
    private volatile StatefulRedisConnection<String, byte[]> commands;
    private volatile StatefulRedisPubSubConnection<String, String> subscription;
    private volatile boolean closed;

    RedisCacheLevel(RedisConnections redis, String keyPrefix) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        this.channel = keyPrefix + "invalidations";
        this.outages = new RedisOutageLog(log,
                "Redis at " + redis.address() + " is unreachable for the shared cache ({}): {} operation(s) since the last "
                        + "warning used this instance's cache and loaders alone",
                "Redis at " + redis.address() + " answers again; caches are shared again");
    }

    /** Connects and subscribes now if Redis answers, else keeps trying in the background; {@code listener} hears invalidations. */
    void start(Listener listener) {
        this.listener = listener;
        boolean connected = connectCommands();
        if (subscribe() && connected) {
            log.info("Caches are shared through Redis at {}", redis.address());
        } else {
            log.warn("Redis at {} is unreachable; caches serve from this instance alone until it answers", redis.address());
        }
        housekeeping.scheduleWithFixedDelay(this::keepUp, 1, 1, TimeUnit.SECONDS);
    }

    /** Null when Redis cannot be asked. */
    Lookup lookup(String cache, String key) {
        return call(redis -> {
            List<byte[]> found = LOOKUP.run(redis, ScriptOutputType.MULTI, generationKey(cache), bytes(prefix(cache)), bytes(key));
            return new Lookup(new String(found.get(0), StandardCharsets.UTF_8), found.get(1));
        });
    }

    /** False when Redis cannot be asked; true also when the value was refused because of a newer invalidation. */
    boolean fill(String cache, String key, String generation, byte[] value, Duration ttl) {
        return call(redis -> FILL.run(redis, ScriptOutputType.INTEGER, generationKey(cache),
                bytes(prefix(cache)), bytes(key), bytes(generation), value, bytes(Long.toString(ttl.toMillis())))) != null;
    }

    boolean evict(String cache, String key) {
        return shared(cache, call(redis -> EVICT.run(redis, ScriptOutputType.INTEGER, generationKey(cache),
                bytes(prefix(cache)), bytes(key), bytes(Long.toString(FENCE.toMillis())), bytes(channel),
                bytes(Invalidation.evict(cache, key).message()))));
    }

    boolean clear(String cache) {
        return shared(cache, call(redis -> CLEAR.run(redis, ScriptOutputType.INTEGER, generationKey(cache),
                bytes(channel), bytes(Invalidation.clear(cache).message()))));
    }

    private boolean shared(String cache, Object answer) {
        if (answer == null) {
            unsharedInvalidations.add(cache);
            return false;
        }
        return true;
    }

    /** The command's answer, or null when Redis could not be asked (not connected, refused, timed out). */
    private <T> T call(Function<RedisCommands<String, byte[]>, T> command) {
        StatefulRedisConnection<String, byte[]> connection = commands;
        if (connection == null) {
            outages.failed("not connected");
            return null;
        }
        try {
            T answer = command.apply(connection.sync());
            outages.answered();
            return answer;
        } catch (RuntimeException failure) {
            outages.failed(failure.toString());
            return null;
        }
    }

    private String prefix(String cache) {
        return keyPrefix + cache + ":";
    }

    private String[] generationKey(String cache) {
        return new String[] {prefix(cache) + "generation"};
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Once a second: connections never made are tried again, and invalidations that Redis missed are made up for. */
    private void keepUp() {
        try {
            if (commands == null && connectCommands()) {
                log.info("Connected to Redis at {}; caches are shared through it", redis.address());
            }
            if (subscription == null) {
                subscribe();
            }
            if (commands != null) {
                for (String cache : unsharedInvalidations) {
                    unsharedInvalidations.remove(cache);
                    if (clear(cache)) {
                        log.info("Cleared cache '{}' in Redis at {}: an eviction could not reach it while it was away",
                                cache, redis.address());
                    }
                }
            }
        } catch (RuntimeException unexpected) {
            // A scheduled task that throws is never run again; this one must keep running.
            log.warn("Shared-cache housekeeping failed; trying again in a second", unexpected);
        }
    }

    private boolean connectCommands() {
        try {
            StatefulRedisConnection<String, byte[]> connection = redis.connect(CODEC);
            warmUp(connection);
            commands = openUnlessClosed(connection);
            return true;
        } catch (RuntimeException unreachable) {
            return false;
        }
    }

    /**
     * Has Redis cache the scripts, so the first EVALSHA of each does not need a second round trip, and runs Lettuce's
     * code paths once: on a cold JVM the first command can take longer than a command may.
     */
    private static void warmUp(StatefulRedisConnection<String, byte[]> connection) {
        for (RedisScript script : List.of(LOOKUP, FILL, EVICT, CLEAR)) {
            try {
                connection.sync().scriptLoad(script.text());
            } catch (RuntimeException slowFirstTime) {
                // EVALSHA falls back to EVAL when Redis does not have a script.
            }
        }
    }

    private boolean subscribe() {
        StatefulRedisPubSubConnection<String, String> connection = null;
        try {
            connection = redis.connectPubSub(StringCodec.UTF8);
            connection.addListener(new Invalidations());
            connection.sync().subscribe(channel);
            subscription = openUnlessClosed(connection);
            return true;
        } catch (RuntimeException unreachable) {
            if (connection != null) {
                connection.close();
            }
            return false;
        }
    }

    /**
     * Runs on Lettuce's I/O thread: dropping local entries never waits for a load (the local level holds futures),
     * so messages are acted on as they arrive.
     */
    private final class Invalidations extends RedisPubSubAdapter<String, String> {

        @Override
        public void message(String channel, String message) {
            Invalidation.parse(message).ifPresent(listener::invalidated);
        }

        @Override
        public void subscribed(String channel, long count) {
            if (subscribedBefore.getAndSet(true)) {
                log.info("Listening again for cache invalidations at {}; this instance's cached entries were dropped, "
                        + "as invalidations may have been missed", redis.address());
            }
            listener.subscribed();
        }
    }

    private <C extends StatefulConnection<?, ?>> C openUnlessClosed(C connection) {
        if (closed) {
            connection.close();
            return null;
        }
        return connection;
    }

    /** Closes this level's connections; the client itself belongs to {@link RedisConnections}. */
    @Override
    public void close() {
        closed = true;
        housekeeping.shutdownNow();
        closeIfOpen(commands);
        closeIfOpen(subscription);
    }

    private static void closeIfOpen(StatefulConnection<?, ?> connection) {
        if (connection != null) {
            connection.close();
        }
    }
}
