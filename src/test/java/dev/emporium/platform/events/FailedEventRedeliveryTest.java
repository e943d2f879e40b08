package dev.emporium.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emporium.platform.EmporiumProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.events.EventPublication;

/** When a failed delivery is due again: the pause doubles after each attempt, and attempts run out. */
class FailedEventRedeliveryTest {

    private static final Instant PUBLISHED = Instant.parse("2026-11-24T10:00:00Z");
    private static final EmporiumProperties.Events SETTINGS = new EmporiumProperties.Events(8, 100,
            Duration.ofMinutes(2), true, Duration.ofMinutes(1), 4);

    private record Failed(int getCompletionAttempts, Instant getLastResubmissionDate) implements EventPublication {
        @Override
        public UUID getIdentifier() {
            return UUID.randomUUID();
        }

        @Override
        public Object getEvent() {
            return "event";
        }

        @Override
        public Instant getPublicationDate() {
            return PUBLISHED;
        }

        @Override
        public Optional<Instant> getCompletionDate() {
            return Optional.empty();
        }

        @Override
        public Status getStatus() {
            return Status.FAILED;
        }
    }

    private static boolean dueAfter(Failed publication, Duration sinceLastAttempt) {
        Instant last = publication.getLastResubmissionDate() == null ? PUBLISHED : publication.getLastResubmissionDate();
        return FailedEventRedelivery.due(publication, last.plus(sinceLastAttempt), SETTINGS);
    }

    @Test
    void thePauseBeforeEachRetryDoubles() {
        Instant retried = PUBLISHED.plusSeconds(600);
        assertThat(dueAfter(new Failed(1, null), Duration.ofSeconds(59))).isFalse();
        assertThat(dueAfter(new Failed(1, null), Duration.ofMinutes(1))).isTrue();
        assertThat(dueAfter(new Failed(2, retried), Duration.ofSeconds(119))).isFalse();
        assertThat(dueAfter(new Failed(2, retried), Duration.ofMinutes(2))).isTrue();
        assertThat(dueAfter(new Failed(3, retried), Duration.ofSeconds(239))).isFalse();
        assertThat(dueAfter(new Failed(3, retried), Duration.ofMinutes(4))).isTrue();
    }

    @Test
    void aDeliveryWhoseAttemptsRanOutIsNotRetried() {
        assertThat(dueAfter(new Failed(4, PUBLISHED.plusSeconds(600)), Duration.ofDays(365))).isFalse();
    }
}
