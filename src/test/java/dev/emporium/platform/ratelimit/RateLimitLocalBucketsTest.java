package dev.emporium.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The in-memory store on its own: limits per key and plan, a bounded number of buckets, rejections counted. */
class RateLimitLocalBucketsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private static RateLimitProperties properties(Map<String, RateLimitProperties.Plan> plans, List<RateLimitProperties.Route> routes) {
        return new RateLimitProperties(true, RateLimitProperties.RedisFailurePolicy.FAIL_OPEN, "test:", 100,
                List.of(), plans, routes, Set.of("ROLE_admin"));
    }

    private static final Map<String, RateLimitProperties.Plan> PLANS = Map.of(
            "anonymous", new RateLimitProperties.Plan(3, Duration.ofDays(1)),
            "customer", new RateLimitProperties.Plan(5, Duration.ofDays(1)),
            "staff", new RateLimitProperties.Plan(5, Duration.ofDays(1)),
            "credential-check", new RateLimitProperties.Plan(5, Duration.ofDays(1)));

    private LocalRateLimiter limiter(int maxKeys) {
        RateLimitPlans plans = new RateLimitPlans(properties(PLANS, List.of()));
        return new LocalRateLimiter(plans, new RateLimitMetrics(registry, plans), maxKeys);
    }

    @Test
    void enforcesThePlanPerKeyAndPlan() {
        LocalRateLimiter limiter = limiter(100);

        assertThat(List.of(1, 2, 3).stream().map(i -> limiter.tryConsume("ip:192.0.2.1", "anonymous")))
                .extracting(RateLimitDecision::remaining).containsExactly(2L, 1L, 0L);
        RateLimitDecision refused = limiter.tryConsume("ip:192.0.2.1", "anonymous");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.limit()).isEqualTo(3);
        assertThat(refused.retryAfterSeconds()).isBetween(1L, 86_400L);

        assertThat(limiter.tryConsume("ip:192.0.2.2", "anonymous").allowed()).as("another key").isTrue();
        assertThat(limiter.tryConsume("ip:192.0.2.1", "customer").allowed()).as("another plan").isTrue();
        assertThat(registry.get("emporium.ratelimit.rejections").tag("plan", "anonymous").tag("key.type", "ip").counter().count())
                .isEqualTo(1);
    }

    @Test
    void keepsAtMostTheConfiguredNumberOfBucketsUnderAFloodOfKeys() {
        LocalRateLimiter limiter = limiter(100);

        for (int i = 0; i < 10_000; i++) {
            assertThat(limiter.tryConsume("ip:10.0." + (i / 256) + "." + (i % 256), "anonymous").allowed()).isTrue();
        }

        assertThat(limiter.size("anonymous")).isBetween(1, 100);
    }

    @Test
    void refusesUnknownPlans() {
        assertThatThrownBy(() -> limiter(100).tryConsume("user:x", "gold"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gold");
    }

    @Test
    void refusesConfigurationWithoutTheBuiltInPlansOrWithBadRoutes() {
        assertThatThrownBy(() -> new RateLimitPlans(properties(
                Map.of("anonymous", new RateLimitProperties.Plan(1, Duration.ofMinutes(1))), List.of())))
                .hasMessageContaining("customer");
        assertThatThrownBy(() -> new RateLimitPlans(properties(PLANS, List.of(new RateLimitProperties.Route("/api/v1/auth/**", "auth")))))
                .hasMessageContaining("auth");
        assertThatThrownBy(() -> new RoutePlans(List.of(new RateLimitProperties.Route("/api/*/auth", "anonymous"))))
                .hasMessageContaining("/**");
        assertThatThrownBy(() -> new RateLimitPlan("broken", 0, Duration.ofMinutes(1), "test:"))
                .hasMessageContaining("broken");
    }
}
