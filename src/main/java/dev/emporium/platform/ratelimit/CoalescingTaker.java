package dev.emporium.platform.ratelimit;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * At most one call to the shared store at a time: requests that arrive while a call is in flight wait, and then go
 * together as one call that takes, from each key's bucket, as many tokens as there are requests for that key. A
 * crowd of clients then costs a round trip per batch instead of per request, and so does a hot key (one partner's
 * API key on many connections). The counts stay exact: the store grants each key's requests whole tokens in order,
 * and each waiting request learns its place among its key's. No key holds state here between calls.
 */
final class CoalescingTaker {

    /** What a batch wants of one key's bucket: a token for each of its requests for that key. */
    record Wanted(RateLimitPlan plan, int count) {
    }

    /** The store's answer for one key: tokens granted of those wanted, and the bucket after them. */
    record Taken(long granted, long left, long microsToNextToken, long microsToFull) {
    }

    @FunctionalInterface
    interface Store {
        /** Takes what each key wants from its bucket, all in one step; an answer for every key, or a throw. */
        Map<String, Taken> take(Map<String, Wanted> wanted);
    }

    /** One request's share of a batch: whether it got a token, and how many were left after it took its own. */
    record Share(boolean granted, long left, long microsToNextToken, long microsToFull) {
    }

    private final Store store;
    private boolean busy;      // a call is in flight; guarded by this
    private Batch gathering;   // the batch that goes next; guarded by this

    CoalescingTaker(Store store) {
        this.store = store;
    }

    /**
     * One token for {@code key}, from a call of its own or of the batch it joined; rethrows the store's failure.
     * A store key names its plan's shape, so every request for one key brings the same plan.
     */
    Share takeOne(String key, RateLimitPlan plan) {
        Seat seat = seat(key, plan);
        if (seat.leads()) {
            seat.batch().lead();
        }
        return seat.batch().shareOf(key, seat.index());
    }

    private synchronized Seat seat(String key, RateLimitPlan plan) {
        if (!busy) {
            busy = true;
            Batch alone = new Batch();
            alone.turn.complete(null);
            return new Seat(alone, alone.join(key, plan), true);
        }
        if (gathering == null) {
            gathering = new Batch();
            return new Seat(gathering, gathering.join(key, plan), true);
        }
        return new Seat(gathering, gathering.join(key, plan), false);
    }

    /** The batch stops taking members: it is about to be sent. */
    private synchronized Map<String, Wanted> close(Batch batch) {
        if (gathering == batch) {
            gathering = null;
        }
        return batch.wanted;
    }

    /** The call in flight returned: the gathered batch may go, or the taker is idle. */
    private void callReturned() {
        Batch next;
        synchronized (this) {
            next = gathering;
            busy = next != null;
        }
        if (next != null) {
            next.turn.complete(null);
        }
    }

    private record Seat(Batch batch, int index, boolean leads) {
    }

    /** Requests that go to the store in one call; the first of them (its leader) makes the call. */
    private final class Batch {
        private final CompletableFuture<Void> turn = new CompletableFuture<>();
        private final CompletableFuture<Map<String, Taken>> answer = new CompletableFuture<>();
        private final Map<String, Wanted> wanted = new HashMap<>(); // guarded by the taker until closed

        /** Adds a request for {@code key}; its place among the batch's requests for that key. */
        int join(String key, RateLimitPlan plan) {
            Wanted before = wanted.get(key);
            int index = before == null ? 0 : before.count();
            wanted.put(key, new Wanted(plan, index + 1));
            return index;
        }

        void lead() {
            turn.join(); // the previous call has returned
            try {
                answer.complete(store.take(close(this)));
            } catch (RuntimeException failure) {
                answer.completeExceptionally(failure);
            } finally {
                callReturned();
            }
        }

        Share shareOf(String key, int index) {
            Taken taken;
            try {
                taken = answer.join().get(key);
            } catch (CompletionException failed) {
                throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
            }
            if (taken == null) {
                throw new IllegalStateException("The rate-limit store did not answer for " + key);
            }
            // Tokens went to the key's requests in order of arrival; each sees the count left after its own.
            boolean granted = index < taken.granted();
            long left = granted ? taken.left() + taken.granted() - 1 - index : 0;
            return new Share(granted, left, taken.microsToNextToken(), taken.microsToFull());
        }
    }
}
