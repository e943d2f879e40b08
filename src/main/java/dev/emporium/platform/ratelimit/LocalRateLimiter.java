package dev.emporium.platform.ratelimit;

import io.github.bucket4j.Bucket;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Buckets in this instance's memory, for a single instance or when no Redis is configured: each instance then
 * enforces the limits on its own share of the traffic. At most {@code maxKeys} buckets per plan are kept.
 */
final class LocalRateLimiter implements RateLimiter {

    private final Map<String, PlanBuckets> byPlan;
    private final RateLimitMetrics metrics;

    LocalRateLimiter(RateLimitPlans plans, RateLimitMetrics metrics, int maxKeys) {
        this.metrics = metrics;
        Map<String, PlanBuckets> buckets = new HashMap<>();
        for (RateLimitPlan plan : plans.all()) {
            buckets.put(plan.name(), new PlanBuckets(plan, Math.max(1, maxKeys)));
        }
        this.byPlan = Map.copyOf(buckets);
    }

    @Override
    public RateLimitDecision tryConsume(String key, String plan) {
        PlanBuckets buckets = plan == null ? null : byPlan.get(plan);
        if (buckets == null) {
            throw RateLimitPlans.unknown(plan);
        }
        RateLimitDecision decision = buckets.plan.decisionOf(buckets.bucketOf(key).tryConsumeAndReturnRemaining(1));
        if (!decision.allowed()) {
            metrics.rejected(buckets.plan, key);
        }
        return decision;
    }

    /** How many buckets a plan holds now; for tests and diagnostics. */
    int size(String plan) {
        return byPlan.get(plan).buckets.size();
    }

    private static final class PlanBuckets {
        private final RateLimitPlan plan;
        private final int maxKeys;
        private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
        private final AtomicBoolean evicting = new AtomicBoolean();

        PlanBuckets(RateLimitPlan plan, int maxKeys) {
            this.plan = plan;
            this.maxKeys = maxKeys;
        }

        Bucket bucketOf(String key) {
            Bucket bucket = buckets.get(key);
            if (bucket != null) {
                return bucket;
            }
            if (buckets.size() >= maxKeys) {
                evict();
            }
            return buckets.computeIfAbsent(key, ignored -> plan.newLocalBucket());
        }

        /**
         * Full buckets go first: forgetting one loses nothing, since a new bucket starts full too. If a flood of
         * distinct keys leaves too many that are not full, arbitrary ones go as well, down to 90 % of the bound,
         * so eviction runs once per tenth of the bound, not once per new key. One thread evicts at a time.
         */
        private void evict() {
            if (!evicting.compareAndSet(false, true)) {
                return;
            }
            try {
                buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= plan.capacity());
                int excess = buckets.size() - maxKeys * 9 / 10;
                Iterator<String> keys = buckets.keySet().iterator();
                while (excess-- > 0 && keys.hasNext()) {
                    keys.next();
                    keys.remove();
                }
            } finally {
                evicting.set(false);
            }
        }
    }
}
