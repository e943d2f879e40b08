package dev.emporium.platform.events;

import dev.emporium.platform.EmporiumProperties;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands event deliveries whose handler failed (the database busy or briefly down, the payment provider
 * unreachable) to their handler again, with a pause that doubles after every failed attempt: the first retry
 * {@code emporium.events.redelivery-interval} after the first attempt, then 2, 4, 8 times that. After
 * {@code emporium.events.redelivery-attempts} failed attempts a delivery is moved to {@code event_dead_letters},
 * where an operator finds it (docs/runbook.md). A delivery still unfinished {@code emporium.events.stale-after}
 * after it was published or last handed over died with its instance (a crash, a kill, a shutdown with handlers
 * queued): it is marked failed first, and so handed over too. Every instance may redeliver: handlers are
 * idempotent.
 * <p>
 * This replaces Spring Modulith's republishing at start-up and its staleness check, which both read every
 * incomplete publication into memory at once: a backlog of a hundred thousand filled the heap.
 */
@Component
class FailedEventRedelivery {

    private static final Logger log = LoggerFactory.getLogger(FailedEventRedelivery.class);

    static final int LOOKED_AT = 1000;

    private final FailedEventPublications failed;
    private final JdbcClient jdbc;
    private final EmporiumProperties.Events settings;
    private final Clock clock;

    FailedEventRedelivery(FailedEventPublications failed, JdbcClient jdbc, EmporiumProperties properties, Clock clock) {
        this.failed = failed;
        this.jdbc = jdbc;
        this.settings = properties.events();
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${emporium.events.redelivery-interval:1m}", initialDelayString = "${emporium.events.redelivery-interval:1m}")
    void redeliverOnSchedule() {
        markStaleDeliveriesFailed();
        if (settings.redelivery()) {
            redeliver();
        }
    }

    /** One statement, however many there are: the registry's own check reads each into memory. */
    void markStaleDeliveriesFailed() {
        int stale = jdbc.sql("""
                UPDATE event_publication SET status = 'FAILED'
                 WHERE status IN ('PUBLISHED', 'PROCESSING', 'RESUBMITTED')
                   AND coalesce(last_resubmission_date, publication_date) < :before""")
                .param("before", Timestamp.from(clock.instant().minus(settings.staleAfter())))
                .update();
        if (stale > 0) {
            log.atWarn().addKeyValue("staleDeliveries", stale)
                    .log("{} event deliveries were left unfinished, by an instance that stopped or died: marked failed for redelivery", stale);
        }
    }

    /**
     * Moves deliveries that failed every attempt out of the registry: left there, a thousand of them would be the
     * oldest page every time and hide every newer failure from {@link #redeliver()}.
     */
    private void buryDeadLetters() {
        int buried = jdbc.sql("""
                WITH dead AS (
                    DELETE FROM event_publication
                     WHERE status = 'FAILED' AND greatest(coalesce(completion_attempts, 0), 1) >= :attempts
                    RETURNING id, listener_id, event_type, serialized_event, publication_date, completion_attempts,
                              last_resubmission_date)
                INSERT INTO event_dead_letters (id, listener_id, event_type, serialized_event, publication_date,
                                                completion_attempts, last_resubmission_date)
                SELECT id, listener_id, event_type, serialized_event, publication_date, coalesce(completion_attempts, 0),
                       last_resubmission_date
                  FROM dead""")
                .param("attempts", settings.redeliveryAttempts())
                .update();
        if (buried > 0) {
            log.atWarn().addKeyValue("deadLetters", buried)
                    .log("{} event deliveries failed every attempt and were moved to event_dead_letters", buried);
        }
    }

    /**
     * Hands over every failed delivery that is due, {@value #LOOKED_AT} at a time, oldest first, until a page has
     * none due. A page's deliveries are marked resubmitted as they are handed over, so the next page reads later
     * ones; once the handlers' queue is full, this thread runs them itself, which paces it. No limit on how many
     * are in flight: Modulith would count every resubmitted delivery in the table, also those an instance that
     * died left behind, and read no more than that limit.
     */
    void redeliver() {
        buryDeadLetters();
        Instant now = clock.instant();
        AtomicInteger looked = new AtomicInteger();
        AtomicInteger handedOver = new AtomicInteger();
        do {
            looked.set(0);
            handedOver.set(0);
            failed.resubmit(ResubmissionOptions.defaults()
                    .withMinAge(settings.redeliveryInterval())
                    .withBatchSize(LOOKED_AT)
                    .withFilter(publication -> {
                        looked.incrementAndGet();
                        boolean due = due(publication, now, settings);
                        if (due) {
                            handedOver.incrementAndGet();
                        }
                        return due;
                    }));
        } while (looked.get() == LOOKED_AT && handedOver.get() > 0);
    }

    /** Whether the failed delivery gets another attempt now: attempts left, and its pause since the last one is over. */
    static boolean due(EventPublication publication, Instant now, EmporiumProperties.Events settings) {
        int attempts = Math.max(1, publication.getCompletionAttempts());
        if (attempts >= settings.redeliveryAttempts()) {
            return false;
        }
        Instant last = publication.getLastResubmissionDate() != null ? publication.getLastResubmissionDate()
                : publication.getPublicationDate();
        Duration pause = settings.redeliveryInterval().multipliedBy(1L << Math.min(attempts - 1, 30));
        return !now.isBefore(last.plus(pause));
    }
}
