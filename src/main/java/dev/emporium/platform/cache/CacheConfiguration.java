package dev.emporium.platform.cache;

import dev.emporium.platform.redis.RedisConnections;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The caches that configuration asks for: two levels when {@code emporium.redis.url} is set, this instance's level
 * alone otherwise, and none at all (every get loads) with {@code emporium.cache.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
class CacheConfiguration {

    @Bean
    SharedCaches sharedCaches(CacheProperties properties, ObjectProvider<RedisConnections> redis, MeterRegistry registry) {
        if (!properties.enabled()) {
            return name -> new Uncached(CacheProperties.requireValidName(name));
        }
        RedisConnections connections = redis.getIfAvailable();
        if (connections == null) {
            return new TwoLevelCaches(properties, null, registry);
        }
        RedisCacheLevel shared = new RedisCacheLevel(connections, properties.keyPrefix());
        TwoLevelCaches caches = new TwoLevelCaches(properties, shared, registry);
        shared.start(caches);
        return caches;
    }
}
