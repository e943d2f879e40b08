package dev.emporium.platform.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The instance's one Lettuce client for {@code emporium.redis.url}, shared by rate limiting and the cache: two I/O
 * threads, every command bounded by {@code emporium.redis.timeout} and refused at once while disconnected instead of
 * queued, and reconnection within a second of Redis answering again. Lettuce never retries a connection that it
 * could not make in the first place: its users retry those in the background.
 */
public final class RedisConnections implements AutoCloseable {

    private final RedisConnectionProperties properties;
    private final RedisURI uri;
    private final String address;
    private final ClientResources resources;
    private final RedisClient client;

    public RedisConnections(RedisConnectionProperties properties) {
        this.properties = properties;
        this.uri = RedisURI.create(properties.url());
        // The URI's timeout bounds connecting and the handshake; commands have their own, shorter one.
        this.uri.setTimeout(properties.connectTimeout());
        this.address = uri.getHost() + ":" + uri.getPort();
        this.resources = ClientResources.builder()
                .ioThreadPoolSize(2)
                .computationThreadPoolSize(2)
                .reconnectDelay(() -> Delay.exponential(Duration.ofMillis(10), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                // Not connected: fail at once instead of queueing commands until the timeout.
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(properties.timeout()))
                .socketOptions(SocketOptions.builder().connectTimeout(properties.connectTimeout()).build())
                .build());
    }

    /** host:port, for log lines: never the URL, which may carry a password. */
    public String address() {
        return address;
    }

    /** Connects now, waiting at most the connect timeout; throws a {@code RedisException} when Redis does not answer. */
    public <K, V> StatefulRedisConnection<K, V> connect(RedisCodec<K, V> codec) {
        return commandsBounded(client.connect(codec, uri));
    }

    public <K, V> CompletionStage<StatefulRedisConnection<K, V>> connectAsync(RedisCodec<K, V> codec) {
        return client.connectAsync(codec, uri).thenApply(this::commandsBounded);
    }

    /**
     * A connection for SUBSCRIBE: it re-subscribes by itself after a reconnect. Subscribing is part of setting it up,
     * so its commands may take as long as connecting.
     */
    public <K, V> StatefulRedisPubSubConnection<K, V> connectPubSub(RedisCodec<K, V> codec) {
        StatefulRedisPubSubConnection<K, V> connection = client.connectPubSub(codec, uri);
        connection.setTimeout(properties.connectTimeout());
        return connection;
    }

    private <C extends StatefulConnection<?, ?>> C commandsBounded(C connection) {
        // A synchronous call waits as long as a command may live, not as long as connecting may take.
        connection.setTimeout(properties.timeout());
        return connection;
    }

    @Override
    public void close() {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
