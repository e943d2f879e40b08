package dev.emporium.platform.events;

import dev.emporium.platform.EmporiumProperties;
import java.time.Duration;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands event deliveries whose handler failed (the database busy or briefly down, the payment provider
 * unreachable) to their handler again, once they are {@code emporium.events.redelivery-interval} old, on that
 * schedule. Start-up hands over what a crash left; this covers failures while Emporium runs, and deliveries that
 * Spring Modulith's staleness check marked failed (a handler that never finished on an instance that died).
 * Every instance may redeliver: handlers are idempotent, so a delivery handled twice changes nothing twice.
 */
@Component
class FailedEventRedelivery {

    private final FailedEventPublications failed;
    private final EmporiumProperties.Events settings;

    FailedEventRedelivery(FailedEventPublications failed, EmporiumProperties properties) {
        this.failed = failed;
        this.settings = properties.events();
    }

    @Scheduled(fixedDelayString = "${emporium.events.redelivery-interval:1m}", initialDelayString = "${emporium.events.redelivery-interval:1m}")
    void redeliverOnSchedule() {
        if (settings.redelivery()) {
            redeliver();
        }
    }

    void redeliver() {
        Duration age = settings.redeliveryInterval();
        failed.resubmit(ResubmissionOptions.defaults().withMinAge(age).withMaxInFlight(settings.concurrency()));
    }
}
