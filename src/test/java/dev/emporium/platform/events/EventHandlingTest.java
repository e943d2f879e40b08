package dev.emporium.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.emporium.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
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

@IntegrationTest
@TestPropertySource(properties = {"emporium.events.concurrency=2", "emporium.events.redelivery-interval=1s",
    "emporium.events.redelivery-attempts=2"})
@DirtiesContext // its handler and settings are this class's own
class EventHandlingTest {

    /** An event for the probe below; {@code failures} is how many deliveries its handler fails before it succeeds. */
    record Probe(UUID id, int failures) {}

    /** Proxied (asynchronous and transactional): read through its methods, not its fields. */
    @TestConfiguration(proxyBeanMethods = false)
    static class ProbeHandler {
        private final AtomicInteger running = new AtomicInteger();
        private final AtomicInteger mostAtOnce = new AtomicInteger();
        private final Map<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();

        @ApplicationModuleListener
        void on(Probe probe) throws InterruptedException {
            int attempt = attempts.computeIfAbsent(probe.id(), id -> new AtomicInteger()).incrementAndGet();
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(50);
                if (attempt <= probe.failures()) {
                    throw new IllegalStateException("probe " + probe.id() + " fails delivery " + attempt);
                }
            } finally {
                running.decrementAndGet();
            }
        }

        int attemptsAt(UUID id) {
            return attempts.getOrDefault(id, new AtomicInteger()).get();
        }

        /** The most handlers that ran at the same time since the last call. */
        int mostAtOnceSinceLastAsked() {
            return mostAtOnce.getAndSet(0);
        }
    }

    @Autowired
    ProbeHandler handler;

    @Autowired
    FailedEventRedelivery redelivery;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void onlyThisClassesFailures() {
        // Other test classes leave failed deliveries behind (handlers for orders they never made, on purpose); a
        // redelivery here would hand those to this context's handlers too.
        jdbc.sql("DELETE FROM event_publication WHERE status = 'FAILED'").update();
    }

    private UUID publish(int failures) {
        UUID id = UUID.randomUUID();
        transaction.executeWithoutResult(status -> events.publishEvent(new Probe(id, failures)));
        return id;
    }

    private String statusOf(UUID probe) {
        return jdbc.sql("SELECT status FROM event_publication WHERE serialized_event LIKE :id")
                .param("id", "%" + probe + "%").query(String.class).single();
    }

    @Test
    void atMostTheConfiguredNumberOfHandlersRunAtOnce() {
        handler.mostAtOnceSinceLastAsked();
        List<UUID> probes = IntStream.range(0, 12).mapToObj(i -> publish(0)).toList();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(probes).allSatisfy(probe -> assertThat(statusOf(probe)).isEqualTo("COMPLETED")));
        assertThat(handler.mostAtOnceSinceLastAsked()).as("handlers that ran at the same time").isEqualTo(2);
    }

    @Test
    void aFailedDeliveryIsHandedToItsHandlerAgain() {
        UUID probe = publish(1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(statusOf(probe)).isEqualTo("FAILED"));
        assertThat(handler.attemptsAt(probe)).isEqualTo(1);

        // What the schedule does every redelivery-interval; a failure younger than that interval waits.
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            redelivery.redeliver();
            assertThat(statusOf(probe)).isEqualTo("COMPLETED");
        });
        assertThat(handler.attemptsAt(probe)).as("once failed, once redelivered").isEqualTo(2);
    }

    @Test
    void aDeliveryThatFailedEveryAttemptIsMovedToTheDeadLettersUntilAnOperatorMovesItBack() throws InterruptedException {
        UUID probe = publish(2); // fails both attempts; a third, after the operator's move, succeeds
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            redelivery.redeliver();
            assertThat(deadLettersOf(probe)).as("moved to the dead letters").isEqualTo(1);
        });
        assertThat(handler.attemptsAt(probe)).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE :id")
                .param("id", "%" + probe + "%").query(Long.class).single()).as("left in the registry").isZero();

        for (int i = 0; i < 5; i++) { // longer than the doubled pause a third attempt would wait for
            Thread.sleep(600);
            redelivery.redeliver();
        }
        assertThat(handler.attemptsAt(probe)).as("no attempt past the second").isEqualTo(2);

        // The runbook's statement that hands the dead letters back, once their cause is fixed.
        jdbc.sql("""
                WITH back AS (DELETE FROM event_dead_letters WHERE serialized_event LIKE :id RETURNING *)
                INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
                                               completion_attempts)
                SELECT id, listener_id, event_type, serialized_event, publication_date, 'FAILED', 1 FROM back""")
                .param("id", "%" + probe + "%").update();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            redelivery.redeliver();
            assertThat(statusOf(probe)).isEqualTo("COMPLETED");
        });
        assertThat(handler.attemptsAt(probe)).isEqualTo(3);
        assertThat(deadLettersOf(probe)).isZero();
    }

    private long deadLettersOf(UUID probe) {
        return jdbc.sql("SELECT count(*) FROM event_dead_letters WHERE serialized_event LIKE :id")
                .param("id", "%" + probe + "%").query(Long.class).single();
    }
}
