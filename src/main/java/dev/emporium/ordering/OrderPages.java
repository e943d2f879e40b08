package dev.emporium.ordering;

import dev.emporium.platform.TimestampRange;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** Pages of orders, newest first, walked by an opaque cursor (the last order's time and id). */
final class OrderPages {

    static final int MAX_LIMIT = 100;

    private OrderPages() {}

    record Page(List<OrderView> items, String nextCursor) {}

    static Page of(List<OrderView> fetched, int limit) {
        boolean more = fetched.size() > limit;
        List<OrderView> items = more ? fetched.subList(0, limit) : fetched;
        String next = more ? encode(items.getLast()) : null;
        return new Page(List.copyOf(items), next);
    }

    static int limit(Integer requested) {
        int limit = requested == null ? 20 : requested;
        if (limit < 1 || limit > MAX_LIMIT) {
            throw OrderProblems.of(HttpStatus.BAD_REQUEST, "invalid-parameter", "limit is between 1 and " + MAX_LIMIT + ".");
        }
        return limit;
    }

    static OrderStatus status(String value) {
        try {
            return OrderStatus.ofColumn(value);
        } catch (IllegalArgumentException unknown) {
            throw OrderProblems.of(HttpStatus.BAD_REQUEST, "invalid-parameter",
                    "status is one of " + java.util.Arrays.stream(OrderStatus.values()).map(OrderStatus::column).toList() + ".");
        }
    }

    /** A bound of the date search, as given: 400 for one the database cannot compare with (outside {@link TimestampRange}). */
    static Instant storable(String parameter, Instant value) {
        if (value != null && !TimestampRange.contains(value)) {
            throw OrderProblems.of(HttpStatus.BAD_REQUEST, "invalid-parameter",
                    parameter + " is between " + TimestampRange.MIN + " and " + TimestampRange.MAX + ".");
        }
        return value;
    }

    static OrderStore.Keyset decode(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", 2);
            Instant createdAt = TimestampRange.ofEpochMicros(Long.parseLong(parts[0]))
                    .orElseThrow(() -> new IllegalArgumentException("No order was placed then: the cursor was edited"));
            return new OrderStore.Keyset(createdAt, UUID.fromString(parts[1]));
        } catch (RuntimeException malformed) {
            throw OrderProblems.of(HttpStatus.BAD_REQUEST, "invalid-cursor", "The cursor is not one this API issued.");
        }
    }

    private static String encode(OrderView last) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, last.createdAt());
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((micros + ":" + last.id()).getBytes(StandardCharsets.UTF_8));
    }
}
