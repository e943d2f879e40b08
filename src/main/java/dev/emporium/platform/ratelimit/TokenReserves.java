package dev.emporium.platform.ratelimit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Tokens a busy key took from its shared bucket ahead of its requests, held by this instance for a moment. A client
 * sending thousands of requests a second then costs a call to Redis every few dozen milliseconds, and its requests
 * take a held token without waiting on one.
 *
 * <p>The shared limit still holds: every token served from here was taken from the shared bucket first, so no more
 * requests are admitted across all instances than the bucket allows. What is given up is exactness at the edge, in
 * the client's disfavour only: tokens held by one instance are not available to the same client on another, and
 * tokens still held when their hold ends are forfeited. Both are bounded by the reserve's size: at most
 * {@link #CAPACITY_SHARE 1 %} of the plan's capacity, and only for plans where that is at least
 * {@link #MIN_RESERVE} tokens; buckets of smaller plans (anonymous, customer, sign-in) are counted exactly, request by
 * request.
 */
final class TokenReserves {

    /** Tokens are taken ahead for about this long of the key's demand since its last call. */
    static final long AHEAD_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /** A rate is never measured over less than this: a few requests close together are not yet a rate. */
    static final long MIN_DEMAND_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** Held tokens not used within this time of the call that took them are forfeited. */
    static final long HOLD_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** The reserve of a key holds at most the capacity divided by this. */
    static final long CAPACITY_SHARE = 100;
    /** A reserve smaller than this is not worth the inexactness: the plan keeps none. */
    static final long MIN_RESERVE = 10;

    /** What a batch about to call the store got from the reserve, and how many more tokens to ask for. */
    record Ahead(int taken, long extra, long left, long microsToFull) {
        static final Ahead NONE = new Ahead(0, 0, 0, 0);
    }

    private final ConcurrentHashMap<String, Reserve> reserves = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;
    private final AtomicLong nextSweep;

    TokenReserves(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.nextSweep = new AtomicLong(nanoTime.getAsLong() + HOLD_NANOS);
    }

    static long maxReserve(RateLimitPlan plan) {
        long max = plan.capacity() / CAPACITY_SHARE;
        return max >= MIN_RESERVE ? max : 0;
    }

    /** One held token for {@code key}, or null when it holds none: the request then goes to the store. */
    CoalescingTaker.Share takeOne(String key, RateLimitPlan plan) {
        if (maxReserve(plan) == 0) {
            return null; // most requests: their plan never holds tokens, so there is nothing to look up
        }
        Reserve reserve = reserves.get(key);
        return reserve == null ? null : reserve.takeOne(nanoTime.getAsLong());
    }

    /**
     * Before a call to the store for {@code count} requests: serves as many of them as it can from the reserve and
     * says how many tokens beyond the rest to ask for. Plans too small for a reserve get {@link Ahead#NONE}.
     */
    Ahead beforeCall(String key, RateLimitPlan plan, int count) {
        long max = maxReserve(plan);
        if (max == 0) {
            return Ahead.NONE;
        }
        long now = nanoTime.getAsLong();
        sweepIfDue(now);
        return reserves.computeIfAbsent(key, unused -> new Reserve(now)).beforeCall(count, max, now);
    }

    /** After the call: the {@code surplus} the store granted beyond the batch is held for the key's next requests. */
    void keep(String key, long surplus, long storeLeft, long microsToFull) {
        Reserve reserve = reserves.get(key);
        if (reserve != null) {
            reserve.keep(surplus, storeLeft, microsToFull, nanoTime.getAsLong());
        }
        // A reserve swept away meanwhile forfeits the surplus: fewer requests admitted, never more.
    }

    /** Reserves idle for a whole hold leave the map, at most once per hold, by whichever call finds it due. */
    private void sweepIfDue(long now) {
        long due = nextSweep.get();
        if (now - due < 0 || !nextSweep.compareAndSet(due, now + HOLD_NANOS)) {
            return;
        }
        reserves.values().removeIf(reserve -> reserve.idleSince(now - HOLD_NANOS));
    }

    private static final class Reserve {
        private long tokens;        // taken from the shared bucket, not yet served
        private long storeLeft;     // what the shared bucket had left after the last call
        private long microsToFull;  // and how long it then needed to be full again
        private long heldUntil;     // the tokens are forfeited after this
        private long demandSince;   // start of the current count of demand
        private long demand;        // tokens served or asked for since then
        private boolean measured;   // a first call has set the start of the count

        Reserve(long now) {
            this.heldUntil = now + HOLD_NANOS;
        }

        synchronized CoalescingTaker.Share takeOne(long now) {
            forfeitIfExpired(now);
            if (tokens == 0) {
                return null;
            }
            tokens--;
            demand++;
            return new CoalescingTaker.Share(true, storeLeft + tokens, 0, microsToFull);
        }

        synchronized Ahead beforeCall(int count, long max, long now) {
            forfeitIfExpired(now);
            int taken = (int) Math.min(tokens, count);
            tokens -= taken;
            demand += count;
            if (taken == count) {
                return new Ahead(taken, 0, storeLeft + tokens, microsToFull);
            }
            // The demand since the last call, at the same rate for the next AHEAD_NANOS, less what is still held. A
            // key's first call has no demand to go by and takes nothing ahead.
            long extra = 0;
            if (measured) {
                long elapsed = Math.max(now - demandSince, MIN_DEMAND_NANOS);
                long wanted = (long) ((double) demand * AHEAD_NANOS / elapsed);
                extra = Math.clamp(wanted - tokens, 0, max - tokens);
            }
            measured = true;
            demandSince = now;
            demand = 0;
            return new Ahead(taken, extra, storeLeft + tokens, microsToFull);
        }

        synchronized void keep(long surplus, long storeLeft, long microsToFull, long now) {
            forfeitIfExpired(now);
            this.tokens += surplus;
            this.storeLeft = storeLeft;
            this.microsToFull = microsToFull;
            this.heldUntil = now + HOLD_NANOS;
        }

        synchronized boolean idleSince(long time) {
            return heldUntil - HOLD_NANOS - time < 0;
        }

        private void forfeitIfExpired(long now) {
            if (now - heldUntil >= 0) {
                tokens = 0;
            }
        }
    }
}
