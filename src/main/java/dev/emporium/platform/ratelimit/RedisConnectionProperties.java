package dev.emporium.platform.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code emporium.redis.*}: where the shared rate-limit buckets live. Unset {@code url}: nothing connects to
 * Redis and every instance keeps its own buckets. {@code timeout} bounds every command, so a dead or slow Redis
 * costs a request at most that long.
 */
@ConfigurationProperties("emporium.redis")
record RedisConnectionProperties(
        String url,
        @DefaultValue("100ms") Duration timeout,
        @DefaultValue("1s") Duration connectTimeout) {

    boolean configured() {
        return url != null && !url.isBlank();
    }
}
