package dev.emporium.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The batching itself, with a store whose calls the test holds open; the real store is tested in {@link RateLimitRedisTest}. */
class CoalescingTakerTest {

    private static final RateLimitPlan PLAN = new RateLimitPlan("partner", 100, Duration.ofMinutes(1), "test:");

    /** A store that grants from a counter per key, each starting at the same count, and holds its first call until released. */
    private static final class HeldStore implements CoalescingTaker.Store {
        final List<Map<String, Integer>> calls = new CopyOnWriteArrayList<>();
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch firstCallStarted = new CountDownLatch(1);
        final Map<String, Long> tokens = new ConcurrentHashMap<>();
        final long startingTokens;

        HeldStore(long tokens) {
            this.startingTokens = tokens;
        }

        @Override
        public Map<String, CoalescingTaker.Taken> take(Map<String, CoalescingTaker.Wanted> wanted) {
            Map<String, Integer> counts = new HashMap<>();
            wanted.forEach((key, want) -> counts.put(key, want.count()));
            calls.add(counts);
            firstCallStarted.countDown();
            try {
                release.await();
            } catch (InterruptedException interrupted) {
                throw new IllegalStateException(interrupted);
            }
            Map<String, CoalescingTaker.Taken> answers = new HashMap<>();
            wanted.forEach((key, want) -> {
                long left = tokens.getOrDefault(key, startingTokens);
                long granted = Math.min(want.count(), left);
                tokens.put(key, left - granted);
                answers.put(key, new CoalescingTaker.Taken(granted, left - granted, 600_000, 60_000_000));
            });
            return answers;
        }
    }

    /** What one request got from its own call, and what the others got, who arrived while that call was held. */
    private record Round(CoalescingTaker.Share first, List<CoalescingTaker.Share> others) {}

    /** One request whose call the store holds, {@code others} requests for the same key meanwhile, then the release. */
    private static Round heldCallWith(HeldStore store, int others) throws Exception {
        return heldCallWith(store, Collections.nCopies(others, "k")).get("k");
    }

    /** One request for "k" whose call the store holds, a request for each of {@code othersKeys} meanwhile, then the release. */
    private static Map<String, Round> heldCallWith(HeldStore store, List<String> othersKeys) throws Exception {
        CoalescingTaker taker = new CoalescingTaker(store);
        CompletableFuture<CoalescingTaker.Share> first = CompletableFuture.supplyAsync(() -> taker.takeOne("k", PLAN));
        assertThat(store.firstCallStarted.await(10, TimeUnit.SECONDS)).isTrue();

        List<Thread> waiting = new ArrayList<>();
        Map<String, List<CoalescingTaker.Share>> shares = new ConcurrentHashMap<>();
        for (String key : othersKeys) {
            waiting.add(Thread.ofPlatform().start(() -> shares.computeIfAbsent(key, unused -> new CopyOnWriteArrayList<>())
                    .add(taker.takeOne(key, PLAN))));
        }
        awaitAllWaiting(waiting);
        store.release.countDown();
        for (Thread client : waiting) {
            client.join(10_000);
        }
        CoalescingTaker.Share firstShare = first.get(10, TimeUnit.SECONDS);
        Map<String, Round> rounds = new HashMap<>();
        shares.forEach((key, answered) -> rounds.put(key, new Round(firstShare, answered)));
        return rounds;
    }

    @Test
    void requestsArrivingDuringACallGoTogetherInTheNextOne() throws Exception {
        HeldStore store = new HeldStore(100);
        Round round = heldCallWith(store, 9);

        assertThat(round.first().granted()).isTrue();
        assertThat(store.calls).containsExactly(Map.of("k", 1), Map.of("k", 9));
        assertThat(round.others()).hasSize(9).allMatch(CoalescingTaker.Share::granted);
        // 99 were left after the first; each of the batch sees the count after its own token.
        assertThat(round.others()).extracting(CoalescingTaker.Share::left)
                .containsExactlyInAnyOrder(98L, 97L, 96L, 95L, 94L, 93L, 92L, 91L, 90L);
    }

    @Test
    void aBatchLargerThanTheTokensLeftGrantsItsFirstMembersOnly() throws Exception {
        HeldStore store = new HeldStore(4);
        Round round = heldCallWith(store, 6);

        assertThat(round.first().left()).isEqualTo(3);
        assertThat(store.calls).containsExactly(Map.of("k", 1), Map.of("k", 6));
        assertThat(round.others()).filteredOn(CoalescingTaker.Share::granted).extracting(CoalescingTaker.Share::left)
                .containsExactlyInAnyOrder(2L, 1L, 0L);
        assertThat(round.others()).filteredOn(share -> !share.granted()).hasSize(3)
                .allSatisfy(refused -> assertThat(refused.microsToNextToken()).isEqualTo(600_000));
    }

    @Test
    void requestsForDifferentKeysGoTogetherInOneCallAndEachKeyCountsItsOwn() throws Exception {
        HeldStore store = new HeldStore(2);
        Map<String, Round> rounds = heldCallWith(store, List.of("a", "b", "b", "b", "k"));

        assertThat(store.calls).containsExactly(Map.of("k", 1), Map.of("a", 1, "b", 3, "k", 1));
        assertThat(rounds.get("a").others()).singleElement().satisfies(share -> {
            assertThat(share.granted()).isTrue();
            assertThat(share.left()).isEqualTo(1);
        });
        // Each key's bucket held 2: of the three for "b", the first two got one; "k" had one left after the first.
        assertThat(rounds.get("b").others()).filteredOn(CoalescingTaker.Share::granted).extracting(CoalescingTaker.Share::left)
                .containsExactlyInAnyOrder(1L, 0L);
        assertThat(rounds.get("b").others()).filteredOn(share -> !share.granted()).hasSize(1);
        assertThat(rounds.get("k").others()).singleElement().satisfies(share -> {
            assertThat(share.granted()).isTrue();
            assertThat(share.left()).isZero();
        });
    }

    @Test
    void aFailedCallFailsEveryMemberOfItsBatchAndTheTakerRecovers() throws Exception {
        CountDownLatch inCall = new CountDownLatch(1);
        CountDownLatch fail = new CountDownLatch(1);
        List<Integer> calls = new CopyOnWriteArrayList<>();
        CoalescingTaker taker = new CoalescingTaker(wanted -> {
            calls.add(wanted.get("k").count());
            if (calls.size() == 1) {
                inCall.countDown();
                try {
                    fail.await();
                } catch (InterruptedException interrupted) {
                    throw new IllegalStateException(interrupted);
                }
                throw new IllegalStateException("store down");
            }
            if (calls.size() == 2) {
                throw new IllegalStateException("still down");
            }
            return Map.of("k", new CoalescingTaker.Taken(wanted.get("k").count(), 10, 0, 0));
        });
        CompletableFuture<CoalescingTaker.Share> first = CompletableFuture.supplyAsync(() -> taker.takeOne("k", PLAN));
        assertThat(inCall.await(10, TimeUnit.SECONDS)).isTrue();
        List<Thread> waiting = new ArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 3; i++) {
            waiting.add(Thread.ofPlatform().start(() -> {
                try {
                    taker.takeOne("k", PLAN);
                } catch (IllegalStateException expected) {
                    failures.add(expected);
                }
            }));
        }
        awaitAllWaiting(waiting);
        fail.countDown();
        for (Thread client : waiting) {
            client.join(10_000);
        }

        assertThat(first).failsWithin(Duration.ofSeconds(10)).withThrowableThat().withMessageContaining("store down");
        assertThat(failures).hasSize(3).allSatisfy(failure -> assertThat(failure).hasMessage("still down"));
        assertThat(calls).containsExactly(1, 3);
        assertThat(taker.takeOne("k", PLAN).granted()).isTrue();
    }

    /** Every client has joined and is parked until its batch is answered. */
    private static void awaitAllWaiting(List<Thread> clients) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!clients.stream().allMatch(client -> client.getState() == Thread.State.WAITING)) {
            assertThat(System.nanoTime()).as("clients parked within 10 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
