package dev.emporium.platform.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code emporium.rate-limit.*}: the plans, which routes get which plan, and how Redis failures are met. docs/rate-limits.md explains them. */
@ConfigurationProperties("emporium.rate-limit")
record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("fail-open") RedisFailurePolicy redisFailurePolicy,
        @DefaultValue("emporium:rate-limit:") String keyPrefix,
        @DefaultValue("100000") int localMaxKeys,
        List<String> trustedProxies,
        Map<String, Plan> plans,
        List<Route> routes,
        @DefaultValue({"ROLE_admin", "ROLE_catalog_manager", "ROLE_order_manager"}) Set<String> staffAuthorities) {

    RateLimitProperties {
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        plans = plans == null ? Map.of() : Map.copyOf(plans);
        routes = routes == null ? List.of() : List.copyOf(routes);
        staffAuthorities = Set.copyOf(staffAuthorities);
    }

    enum RedisFailurePolicy {
        /** Serve the request without a limit, count it, warn at most every 30 s. */
        FAIL_OPEN,
        /** Refuse the request with 503 until Redis answers again. */
        FAIL_CLOSED
    }

    /** A token bucket: {@code capacity} requests at once, refilled evenly to full over {@code period}. */
    record Plan(long capacity, Duration period) {}

    /** Requests whose path matches {@code pattern} (an exact path or one ending in {@code /**}) use {@code plan}, per client address. */
    record Route(String pattern, String plan) {}
}
