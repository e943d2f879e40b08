package dev.emporium.platform.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/** One configured plan, with what every request needs worked out once: the local bucket's bandwidth and the store key prefix. */
final class RateLimitPlan {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final String name;
    private final long capacity;
    private final Duration period;
    private final Bandwidth bandwidth;
    private final String storeKeyPrefix;
    private final RateLimitDecision unmetered;

    RateLimitPlan(String name, long capacity, Duration period, String keyPrefix) {
        if (capacity < 1 || period == null || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("Rate-limit plan '%s' needs a capacity of at least 1 and a positive period, got %d per %s"
                    .formatted(name, capacity, period));
        }
        this.name = name;
        this.capacity = capacity;
        this.period = period;
        this.bandwidth = Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build();
        // The shape is part of the key: a changed plan starts fresh buckets instead of inheriting the old configuration.
        this.storeKeyPrefix = keyPrefix + name + ":" + capacity + "/" + period.toMillis() + ":";
        this.unmetered = new RateLimitDecision(true, capacity, capacity, 0);
    }

    String name() {
        return name;
    }

    long capacity() {
        return capacity;
    }

    Duration period() {
        return period;
    }

    /** The key of {@code key}'s bucket under this plan in a shared store. */
    String storeKey(String key) {
        return storeKeyPrefix.concat(key);
    }

    Bucket newLocalBucket() {
        return Bucket.builder().addLimit(bandwidth).build();
    }

    /** What is answered when nothing was counted: rate limiting is off, or the store is down under fail-open. */
    RateLimitDecision unmetered() {
        return unmetered;
    }

    RateLimitDecision decisionOf(ConsumptionProbe probe) {
        return decisionOf(probe.isConsumed(), probe.getRemainingTokens(), probe.getNanosToWaitForRefill(),
                probe.getNanosToWaitForReset());
    }

    /** The one place both stores' answers become a decision, so the headers mean the same whichever answered. */
    RateLimitDecision decisionOf(boolean consumed, long remaining, long nanosToNextToken, long nanosToFull) {
        if (consumed) {
            return new RateLimitDecision(true, capacity, remaining, seconds(nanosToFull));
        }
        return new RateLimitDecision(false, capacity, 0, Math.max(1, seconds(nanosToNextToken)));
    }

    private static long seconds(long nanos) {
        return nanos <= 0 ? 0 : (nanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
    }

    @Override
    public String toString() {
        return name + " (" + capacity + " per " + period + ")";
    }
}
