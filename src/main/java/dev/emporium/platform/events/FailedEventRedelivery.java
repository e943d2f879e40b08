package dev.emporium.platform.events;

import dev.emporium.platform.EmporiumProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands event deliveries whose handler failed (the database busy or briefly down, the payment provider
 * unreachable) to their handler again, with a pause that doubles after every failed attempt: the first retry
 * {@code emporium.events.redelivery-interval} after the first attempt, then 2, 4, 8 times that. After
 * {@code emporium.events.redelivery-attempts} failed attempts a delivery stays failed in the registry, where an
 * operator finds it (docs/runbook.md). Start-up hands over what a crash left; this covers failures while
 * Emporium runs, and deliveries that Spring Modulith's staleness check marked failed (a handler that never
 * finished on an instance that died). Every instance may redeliver: handlers are idempotent.
 */
@Component
class FailedEventRedelivery {

    static final int LOOKED_AT = 1000;

    private final FailedEventPublications failed;
    private final EmporiumProperties.Events settings;
    private final Clock clock;

    FailedEventRedelivery(FailedEventPublications failed, EmporiumProperties properties, Clock clock) {
        this.failed = failed;
        this.settings = properties.events();
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${emporium.events.redelivery-interval:1m}", initialDelayString = "${emporium.events.redelivery-interval:1m}")
    void redeliverOnSchedule() {
        if (settings.redelivery()) {
            redeliver();
        }
    }

    /**
     * Looks at the oldest {@value #LOOKED_AT} failed deliveries and hands over those that are due. No limit on how
     * many are in flight: Modulith would count every resubmitted delivery in the table, also those an instance
     * that died left behind, and read no more than that limit, so a few deliveries still waiting out their pause
     * or out of attempts would hide every later one. The handlers still run {@code emporium.events.concurrency}
     * at a time, queued on the executor.
     */
    void redeliver() {
        Instant now = clock.instant();
        failed.resubmit(ResubmissionOptions.defaults()
                .withMinAge(settings.redeliveryInterval())
                .withBatchSize(LOOKED_AT)
                .withFilter(publication -> due(publication, now, settings)));
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
