package dev.emporium.platform.redis;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code emporium.redis.*}: the Redis that instances share for rate-limit buckets and the shared cache. Unset
 * {@code url}: nothing connects to Redis, and each instance keeps its buckets and cache to itself. {@code timeout}
 * bounds every command, so a dead or slow Redis costs a request at most that long.
 */
@ConfigurationProperties("emporium.redis")
public record RedisConnectionProperties(
        String url,
        @DefaultValue("100ms") Duration timeout,
        @DefaultValue("1s") Duration connectTimeout) {}
