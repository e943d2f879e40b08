package dev.emporium.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

import dev.emporium.platform.redis.RedisConnections;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Settings and the local level on their own: no Redis, no application context. */
class SharedCacheSettingsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void settingsComeFromEnvironmentVariablesAndUnnamedCachesGetDefaults() {
        StandardEnvironment environment = new StandardEnvironment();
        // Under the name Spring gives the real environment: only then are its variables enumerated into map keys.
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                "EMPORIUM_CACHE_ENABLED", "false",
                "EMPORIUM_CACHE_CACHES_PRODUCT_LOCAL_TTL", "3s",
                "EMPORIUM_CACHE_CACHES_PRODUCT_MAX_ENTRIES", "7")));

        CacheProperties properties = Binder.get(environment).bindOrCreate("emporium.cache", CacheProperties.class);

        assertThat(properties.enabled()).isFalse();
        assertThat(properties.keyPrefix()).isEqualTo("emporium:cache:");
        assertThat(properties.settings("product"))
                .isEqualTo(new CacheProperties.Settings(Duration.ofSeconds(3), Duration.ofMinutes(5), 7));
        assertThat(properties.settings("anything-else")).isEqualTo(CacheProperties.Settings.DEFAULTS)
                .isEqualTo(new CacheProperties.Settings(Duration.ofSeconds(10), Duration.ofMinutes(5), 10_000));
    }

    @Test
    void refusesNamesThatCannotBeKeysOrMessages() {
        SharedCaches caches = new TwoLevelCaches(properties(Map.of()), null, registry);

        assertThat(caches.cache("product.v2").name()).isEqualTo("product.v2");
        assertThat(caches.cache("product")).isSameAs(caches.cache("product"));
        assertThatIllegalArgumentException().isThrownBy(() -> caches.cache("two words"));
        assertThatIllegalArgumentException().isThrownBy(() -> caches.cache("a:b"));
        assertThatIllegalArgumentException().isThrownBy(() -> caches.cache(null));
        assertThatIllegalArgumentException().isThrownBy(() -> new CacheProperties.Settings(Duration.ZERO, Duration.ofMinutes(1), 1));
    }

    @Test
    void disabledCachesLoadOnEveryGet() {
        CacheProperties disabled = new CacheProperties(false, "emporium:cache:", Map.of());
        SharedCaches caches = new CacheConfiguration().sharedCaches(disabled,
                new StaticListableBeanFactory().getBeanProvider(RedisConnections.class), registry);
        AtomicInteger loads = new AtomicInteger();

        for (int i = 0; i < 3; i++) {
            assertThat(caches.cache("product").get("p-1", () -> bytes("v" + loads.incrementAndGet()))).isEqualTo(bytes("v" + (i + 1)));
        }
        assertThat(loads).hasValue(3);
    }

    @Test
    void localEntriesExpireAfterTheirLocalTtlAndTheSizeLimitEvicts() {
        SharedCaches caches = new TwoLevelCaches(properties(Map.of(
                "short", new CacheProperties.Settings(Duration.ofMillis(200), Duration.ofMinutes(1), 10))), null, registry);
        SharedCache cache = caches.cache("short");
        AtomicInteger loads = new AtomicInteger();

        cache.get("k", () -> bytes("v" + loads.incrementAndGet()));
        assertThat(cache.get("k", () -> bytes("v" + loads.incrementAndGet()))).isEqualTo(bytes("v1"));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(
                () -> assertThat(cache.get("k", () -> bytes("v" + loads.incrementAndGet()))).isNotEqualTo(bytes("v1")));

        for (int i = 0; i < 100; i++) {
            cache.get("key-" + i, () -> bytes("value"));
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(registry.get("emporium.cache.size").tag("cache", "short").gauge().value()).isLessThanOrEqualTo(10);
            assertThat(registry.get("emporium.cache.evictions").tag("cache", "short").counter().count()).isGreaterThanOrEqualTo(90);
        });
    }

    private static CacheProperties properties(Map<String, CacheProperties.Settings> caches) {
        return new CacheProperties(true, "emporium:cache:", caches);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
