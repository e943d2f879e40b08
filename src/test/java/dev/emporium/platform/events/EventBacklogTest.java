package dev.emporium.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.emporium.support.IntegrationTest;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * More deliveries than the handlers keep up with: a flood past the queue, deliveries a dead instance left
 * unfinished, and a backlog larger than one page of the registry. None waits in memory all at once, none is lost.
 */
@IntegrationTest
@TestPropertySource(properties = {"emporium.events.concurrency=1", "emporium.events.queue-capacity=2",
    "emporium.events.stale-after=5s", "emporium.events.redelivery-interval=1s"})
@DirtiesContext // its handler and settings are this class's own
class EventBacklogTest {

    /** {@code batch} is shared by a test's copies of one tick; each copy has an {@code id} of its own. */
    record Tick(UUID id, UUID batch, long workMillis) {}

    /** Proxied (asynchronous and transactional): read through its methods, not its fields. */
    @TestConfiguration(proxyBeanMethods = false)
    static class TickHandler {
        private final Map<UUID, AtomicInteger> handled = new ConcurrentHashMap<>();
        private final Set<String> threads = ConcurrentHashMap.newKeySet();

        @ApplicationModuleListener
        void on(Tick tick) throws InterruptedException {
            threads.add(Thread.currentThread().getName());
            Thread.sleep(tick.workMillis());
            handled.computeIfAbsent(tick.id(), id -> new AtomicInteger()).incrementAndGet();
        }

        int timesHandled(UUID id) {
            return handled.getOrDefault(id, new AtomicInteger()).get();
        }

        boolean ranOn(String thread) {
            return threads.contains(thread);
        }
    }

    @Autowired
    TickHandler handler;

    @Autowired
    FailedEventRedelivery redelivery;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void onlyThisClassesDeliveries() {
        // Other test classes (and earlier runs) leave unfinished deliveries behind: marked stale here, a redelivery
        // would hand them to this context's handlers, before and among this class's own.
        jdbc.sql("DELETE FROM event_publication WHERE completion_date IS NULL").update();
    }

    @AfterEach
    void noTicksLeftForOthers() {
        jdbc.sql("DELETE FROM event_publication WHERE event_type = :type AND completion_date IS NULL")
                .param("type", Tick.class.getName()).update();
        jdbc.sql("DELETE FROM event_dead_letters WHERE event_type = :type").param("type", Tick.class.getName()).update();
    }

    private Tick publishTick() {
        Tick tick = new Tick(UUID.randomUUID(), UUID.randomUUID(), 0);
        transaction.executeWithoutResult(status -> events.publishEvent(tick));
        await().atMost(Duration.ofSeconds(10)).until(() -> handler.timesHandled(tick.id()) == 1);
        return tick;
    }

    /**
     * Copies of a handled tick's publication, each a tick of its own, as a dead instance or a failed handler
     * would leave them: {@code status}, published {@code ageSeconds} ago. Younger than the other cached contexts'
     * redelivery interval and staleness, so only this context hands them over.
     */
    private void leaveUnfinished(Tick original, int copies, String status, int ageSeconds) {
        leaveUnfinished(original, copies, status, ageSeconds, 0);
    }

    private void leaveUnfinished(Tick original, int copies, String status, int ageSeconds, int attempts) {
        jdbc.sql("""
                INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
                                               completion_attempts)
                SELECT gen_random_uuid(), p.listener_id, p.event_type, replace(p.serialized_event, :original, copy.id::text),
                       now() - make_interval(secs => :age), :status, :attempts
                  FROM event_publication p, (SELECT gen_random_uuid() AS id FROM generate_series(1, :copies)) copy
                 WHERE p.serialized_event LIKE :pattern""")
                .param("original", original.id().toString()).param("age", ageSeconds).param("status", status)
                .param("attempts", attempts).param("copies", copies).param("pattern", "%" + original.id() + "%").update();
    }

    private Map<String, Long> copiesByStatus(Tick original) {
        return jdbc.sql("SELECT status, count(*) FROM event_publication WHERE serialized_event LIKE :batch GROUP BY status")
                .param("batch", "%" + original.batch() + "%")
                .query((row, n) -> Map.entry(row.getString(1), row.getLong(2))).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Test
    void aFloodLargerThanTheQueueRunsOnThePublishersThread() {
        String publisher = Thread.currentThread().getName();
        var ticks = IntStream.range(0, 10).mapToObj(i -> new Tick(UUID.randomUUID(), UUID.randomUUID(), 50)).toList();
        // One worker, two places in the queue: the fourth of ten deliveries finds both taken.
        transaction.executeWithoutResult(status -> ticks.forEach(events::publishEvent));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(ticks).allSatisfy(tick -> assertThat(handler.timesHandled(tick.id())).isEqualTo(1)));
        assertThat(handler.ranOn(publisher)).as("a handler ran on the publishing thread").isTrue();
    }

    @Test
    void aDeliveryADeadInstanceLeftUnfinishedIsHandedOverOnceStale() {
        Tick original = publishTick();
        leaveUnfinished(original, 1, "PUBLISHED", 60);
        leaveUnfinished(original, 1, "PROCESSING", 60);
        leaveUnfinished(original, 1, "PUBLISHED", 0); // still queued on a live instance, for all anyone knows

        redelivery.markStaleDeliveriesFailed();
        assertThat(copiesByStatus(original)).as("older than stale-after: failed")
                .containsEntry("FAILED", 2L).containsEntry("PUBLISHED", 1L);
        redelivery.redeliver();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(copiesByStatus(original))
                .as("the original and the two stale copies handled, the young one left")
                .containsEntry("COMPLETED", 3L).doesNotContainKey("RESUBMITTED"));
    }

    @Test
    void oneRedeliveryHandsOverEveryPageOfTheBacklog() {
        Tick original = publishTick();
        int backlog = FailedEventRedelivery.LOOKED_AT * 2 + 100;
        leaveUnfinished(original, backlog, "FAILED", 10);

        redelivery.redeliver();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(copiesByStatus(original)).isEqualTo(Map.of("COMPLETED", backlog + 1L)));
    }

    @Test
    void deliveriesOutOfAttemptsDoNotHideNewerFailures() {
        Tick dead = publishTick();
        Tick due = publishTick();
        leaveUnfinished(dead, FailedEventRedelivery.LOOKED_AT + 10, "FAILED", 20, 10); // older, every attempt spent
        leaveUnfinished(due, 1, "FAILED", 10);

        redelivery.redeliver();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(copiesByStatus(due)).isEqualTo(Map.of("COMPLETED", 2L)));
        assertThat(copiesByStatus(dead)).as("only the handled original stays in the registry")
                .isEqualTo(Map.of("COMPLETED", 1L));
        assertThat(jdbc.sql("SELECT count(*) FROM event_dead_letters WHERE serialized_event LIKE :batch")
                .param("batch", "%" + dead.batch() + "%").query(Long.class).single())
                .isEqualTo(FailedEventRedelivery.LOOKED_AT + 10L);
    }
}
