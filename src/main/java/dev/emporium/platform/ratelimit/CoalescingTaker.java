package dev.emporium.platform.ratelimit;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most one call to the shared store per key at a time: requests for a key that arrive while its call is in
 * flight wait, and then go together as one call that takes as many tokens as there are of them. A hot key (one
 * partner's API key on many connections) then costs a round trip per batch instead of per request, and the count
 * stays exact: the store grants a batch whole tokens in order, and each waiting request learns its place in it.
 * Keys that are not busy cost nothing: an idle key holds no state here.
 */
final class CoalescingTaker {

    /** The store's answer to taking {@code requested} tokens at once. */
    record Taken(long granted, long left, long microsToNextToken, long microsToFull) {
    }

    @FunctionalInterface
    interface Store {
        /** Takes up to {@code count} tokens from {@code key}'s bucket in one step; throws when the store cannot answer. */
        Taken take(String key, RateLimitPlan plan, int count);
    }

    /** One request's share of a batch: whether it got a token, and how many were left after it took its own. */
    record Share(boolean granted, long left, long microsToNextToken, long microsToFull) {
    }

    private final Store store;
    private final ConcurrentHashMap<String, Lane> lanes = new ConcurrentHashMap<>();

    CoalescingTaker(Store store) {
        this.store = store;
    }

    /**
     * One token for {@code key}, from a call of its own or of the batch it joined; rethrows the store's failure.
     * A store key names its plan's shape, so every request for one key brings the same plan.
     */
    Share takeOne(String key, RateLimitPlan plan) {
        while (true) {
            Lane lane = lanes.computeIfAbsent(key, Lane::new);
            Seat seat = lane.seat();
            if (seat == null) {
                continue; // the lane was closed between the lookup and the seat; a new one takes its place
            }
            if (seat.leads()) {
                seat.batch().lead(lane, plan);
            }
            return seat.batch().shareOf(seat.index());
        }
    }

    /** A key's queue: whether a call is in flight, and the batch that gathers until it returns. */
    private final class Lane {
        private final String key;
        private boolean busy;
        private boolean closed;
        private Batch gathering;

        Lane(String key) {
            this.key = key;
        }

        synchronized Seat seat() {
            if (closed) {
                return null;
            }
            if (!busy) {
                busy = true;
                Batch alone = new Batch();
                alone.turn.complete(null);
                return new Seat(alone, alone.join(), true);
            }
            if (gathering == null) {
                gathering = new Batch();
                return new Seat(gathering, gathering.join(), true);
            }
            return new Seat(gathering, gathering.join(), false);
        }

        /** The batch stops taking members: it is about to be sent. */
        synchronized int close(Batch batch) {
            if (gathering == batch) {
                gathering = null;
            }
            return batch.size;
        }

        /** The call in flight returned: the gathered batch may go, or the lane is idle and leaves the map. */
        void callReturned() {
            Batch next;
            synchronized (this) {
                next = gathering;
                if (next == null) {
                    busy = false;
                    closed = true;
                }
            }
            if (next == null) {
                lanes.remove(key, this);
            } else {
                next.turn.complete(null);
            }
        }
    }

    private record Seat(Batch batch, int index, boolean leads) {
    }

    /** Requests that go to the store in one call; the first of them (its leader) makes the call. */
    private final class Batch {
        private final CompletableFuture<Void> turn = new CompletableFuture<>();
        private final CompletableFuture<Taken> answer = new CompletableFuture<>();
        private int size; // guarded by the lane

        int join() {
            return size++;
        }

        void lead(Lane lane, RateLimitPlan plan) {
            turn.join(); // the previous call for this key has returned
            try {
                answer.complete(store.take(lane.key, plan, lane.close(this)));
            } catch (RuntimeException failure) {
                answer.completeExceptionally(failure);
            } finally {
                lane.callReturned();
            }
        }

        Share shareOf(int index) {
            Taken taken;
            try {
                taken = answer.join();
            } catch (CompletionException failed) {
                throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
            }
            // Tokens went to the batch in order of arrival; each member sees the count left after its own.
            boolean granted = index < taken.granted();
            long left = granted ? taken.left() + taken.granted() - 1 - index : 0;
            return new Share(granted, left, taken.microsToNextToken(), taken.microsToFull());
        }
    }
}
