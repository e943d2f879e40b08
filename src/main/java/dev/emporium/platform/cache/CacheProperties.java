package dev.emporium.platform.cache;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code emporium.cache.*}: whether shared caches cache at all, where their keys live in Redis, and each named cache's
 * lifetimes and size. docs/caching.md explains them.
 */
@ConfigurationProperties("emporium.cache")
record CacheProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("emporium:cache:") String keyPrefix,
        Map<String, Settings> caches) {

    /** Cache names end up in Redis keys, pub/sub messages and metric tags: no separators, no spaces. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    CacheProperties {
        caches = caches == null ? Map.of() : Map.copyOf(caches);
        caches.keySet().forEach(CacheProperties::requireValidName);
    }

    Settings settings(String name) {
        return caches.getOrDefault(requireValidName(name), Settings.DEFAULTS);
    }

    static String requireValidName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A cache name is letters, digits, '-', '_' and '.', not '" + name + "'");
        }
        return name;
    }

    /**
     * {@code localTtl}: how long an instance keeps an entry, which bounds how stale it can be when an invalidation does
     * not reach it; {@code sharedTtl}: how long Redis keeps it; {@code maxEntries}: most entries one instance keeps.
     */
    record Settings(
            @DefaultValue("10s") Duration localTtl,
            @DefaultValue("5m") Duration sharedTtl,
            @DefaultValue("10000") long maxEntries) {

        /** For a cache that configuration does not name: the defaults above. */
        static final Settings DEFAULTS = new Settings(Duration.ofSeconds(10), Duration.ofMinutes(5), 10_000);

        Settings {
            if (!localTtl.isPositive() || sharedTtl.toMillis() < 1 || maxEntries < 1) {
                throw new IllegalArgumentException("Cache settings need a positive local-ttl, a shared-ttl of at least 1ms "
                        + "and max-entries of at least 1, not " + localTtl + ", " + sharedTtl + ", " + maxEntries);
            }
        }
    }
}
