package dev.emporium.platform.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code emporium.ratelimit.rejections} by plan and key type, and {@code emporium.ratelimit.redis.failures}.
 * Every counter exists from the start (at zero), so dashboards and alerts see the series before the first incident.
 */
final class RateLimitMetrics {

    /** The kind of a bucket key, from its prefix: a bounded set of tag values whatever the keys are. */
    enum KeyType {
        IP, USER, APIKEY, ACCOUNT, OTHER;

        private final String prefix = name().toLowerCase(Locale.ROOT) + ":";

        static KeyType of(String key) {
            for (KeyType type : values()) {
                if (key.startsWith(type.prefix)) {
                    return type;
                }
            }
            return OTHER;
        }

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Map<String, Counter[]> rejections = new HashMap<>();
    private final Counter redisFailures;

    RateLimitMetrics(MeterRegistry registry, RateLimitPlans plans) {
        for (RateLimitPlan plan : plans.all()) {
            Counter[] byKeyType = new Counter[KeyType.values().length];
            for (KeyType type : KeyType.values()) {
                byKeyType[type.ordinal()] = Counter.builder("emporium.ratelimit.rejections")
                        .description("Requests refused with 429 by a rate-limit plan")
                        .tag("plan", plan.name())
                        .tag("key.type", type.tag())
                        .register(registry);
            }
            rejections.put(plan.name(), byKeyType);
        }
        this.redisFailures = Counter.builder("emporium.ratelimit.redis.failures")
                .description("Rate-limit decisions that could not reach Redis (served or refused by the failure policy)")
                .register(registry);
    }

    void rejected(RateLimitPlan plan, String key) {
        rejections.get(plan.name())[KeyType.of(key).ordinal()].increment();
    }

    void redisFailed() {
        redisFailures.increment();
    }
}
