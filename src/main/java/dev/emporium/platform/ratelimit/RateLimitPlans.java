package dev.emporium.platform.ratelimit;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The configured plans by name. The ones the filter assigns by itself must exist, or the application does not start. */
final class RateLimitPlans {

    static final String ANONYMOUS = "anonymous";
    static final String CUSTOMER = "customer";
    static final String STAFF = "staff";

    private final Map<String, RateLimitPlan> byName;

    RateLimitPlans(RateLimitProperties properties) {
        Map<String, RateLimitPlan> plans = new LinkedHashMap<>();
        properties.plans().forEach((name, plan) ->
                plans.put(name, new RateLimitPlan(name, plan.capacity(), plan.period(), properties.keyPrefix())));
        for (String required : List.of(ANONYMOUS, CUSTOMER, STAFF, CredentialCheckFilter.PLAN)) {
            if (!plans.containsKey(required)) {
                throw new IllegalStateException("emporium.rate-limit.plans needs a plan named '" + required + "'");
            }
        }
        for (RateLimitProperties.Route route : properties.routes()) {
            if (!plans.containsKey(route.plan())) {
                throw new IllegalStateException("emporium.rate-limit.routes: no plan named '%s' (for %s)"
                        .formatted(route.plan(), route.pattern()));
            }
        }
        this.byName = Map.copyOf(plans);
    }

    RateLimitPlan get(String name) {
        RateLimitPlan plan = name == null ? null : byName.get(name);
        if (plan == null) {
            throw unknown(name);
        }
        return plan;
    }

    static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("No rate-limit plan named '" + name + "' in emporium.rate-limit.plans");
    }

    boolean contains(String name) {
        return name != null && byName.containsKey(name);
    }

    Collection<RateLimitPlan> all() {
        return byName.values();
    }
}
