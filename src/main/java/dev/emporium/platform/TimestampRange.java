package dev.emporium.platform;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The instants PostgreSQL's {@code timestamptz} holds, 4713 BC to 294276 AD. A statement that binds one outside
 * fails as a whole, so an instant from a client (a parameter, a cursor) is checked against this range first.
 */
public final class TimestampRange {

    public static final Instant MIN = Instant.parse("-4713-11-24T00:00:00Z");
    /** The last microsecond: the database rounds finer instants to microseconds, past the end for any later one. */
    public static final Instant MAX = Instant.parse("+294276-12-31T23:59:59.999999Z");

    private TimestampRange() {}

    public static boolean contains(Instant instant) {
        return !instant.isBefore(MIN) && !instant.isAfter(MAX);
    }

    /** The instant a count of microseconds since the epoch names (as cursors carry it), if the database holds it. */
    public static Optional<Instant> ofEpochMicros(long micros) {
        return Optional.of(Instant.EPOCH.plus(micros, ChronoUnit.MICROS)).filter(TimestampRange::contains);
    }
}
