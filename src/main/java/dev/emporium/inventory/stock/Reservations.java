package dev.emporium.inventory.stock;

import dev.emporium.inventory.StockLine;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reservation rows. A reservation leaves {@code active} in one UPDATE conditional on still being active, so when
 * commit, release and the sweeper race for it, exactly one of them settles it and only that one moves stock.
 */
@Repository
class Reservations {

    /** A reservation the sweeper released, with the order it belonged to. */
    record Released(UUID orderId, StockLine line) {}

    private final JdbcClient jdbc;

    Reservations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Holds the line's units for the order when that many are available, in one statement: the stock row's UPDATE,
     * conditional on what is available, and the reservation row that records it. The reservation's id, or empty (and
     * no change) when the units are not available. Expiry is computed by the database, as the sweeper compares it
     * with the database's clock: instances whose clocks disagree still agree on what has expired.
     */
    Optional<Long> hold(UUID orderId, StockLine line, Duration hold) {
        return jdbc.sql("""
                WITH held AS (
                    UPDATE stock SET reserved = reserved + :quantity, version = version + 1, updated_at = now()
                    WHERE variant_id = :variant AND on_hand - reserved >= :quantity
                    RETURNING variant_id)
                INSERT INTO stock_reservations (order_id, variant_id, quantity, expires_at)
                SELECT :order, variant_id, :quantity, clock_timestamp() + make_interval(secs => :seconds) FROM held
                RETURNING id""")
                .param("order", orderId)
                .param("variant", line.variantId())
                .param("quantity", line.quantity())
                .param("seconds", hold.toNanos() / 1e9)
                .query(Long.class)
                .optional();
    }

    /** Deletes reservations just held, which never were: the lines they held, whose stock the caller gives back. */
    List<StockLine> forget(List<Long> ids) {
        return jdbc.sql("DELETE FROM stock_reservations WHERE id = ANY(:ids) RETURNING variant_id, quantity")
                .param("ids", ids.toArray(Long[]::new))
                .query(Reservations::line)
                .list();
    }

    /**
     * Locks every reservation row of the order, in one order, and answers their statuses: while they are locked no
     * sweep or release can settle some of them, so the order is sold whole or not at all.
     */
    List<String> lockAll(UUID orderId) {
        return jdbc.sql("SELECT status FROM stock_reservations WHERE order_id = :order ORDER BY id FOR UPDATE")
                .param("order", orderId)
                .query(String.class)
                .list();
    }

    /** Marks the order's active reservations committed; the lines it marked. */
    List<StockLine> commit(UUID orderId) {
        return jdbc.sql("""
                UPDATE stock_reservations SET status = 'committed', committed_at = now()
                WHERE order_id = :order AND status = 'active'
                RETURNING variant_id, quantity""")
                .param("order", orderId)
                .query(Reservations::line)
                .list();
    }

    /** Marks the order's active reservations released; the lines it marked. */
    List<StockLine> release(UUID orderId, String reason) {
        return jdbc.sql("""
                UPDATE stock_reservations SET status = 'released', released_at = now(), release_reason = :reason
                WHERE order_id = :order AND status = 'active'
                RETURNING variant_id, quantity""")
                .param("order", orderId).param("reason", reason)
                .query(Reservations::line)
                .list();
    }

    /**
     * Takes the sweeper's lock for the rest of the transaction: true when this transaction holds it, false at once
     * when another instance's sweep does.
     */
    boolean lockSweeper() {
        return jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtextextended('emporium.inventory.sweeper', 0))")
                .query(Boolean.class).single();
    }

    /**
     * Releases up to {@code limit} expired reservations, oldest expiry first. Rows another transaction has locked
     * (an order being committed or released right now) are skipped, not waited for; the next sweep sees them.
     */
    List<Released> releaseExpired(int limit) {
        return jdbc.sql("""
                UPDATE stock_reservations SET status = 'released', released_at = now(), release_reason = 'expired'
                WHERE status = 'active' AND id IN (
                    SELECT id FROM stock_reservations
                    WHERE status = 'active' AND expires_at <= now()
                    ORDER BY expires_at LIMIT :limit
                    FOR UPDATE SKIP LOCKED)
                RETURNING order_id, variant_id, quantity""")
                .param("limit", limit)
                .query((rs, row) -> new Released(rs.getObject("order_id", UUID.class), line(rs, row)))
                .list();
    }

    private static StockLine line(ResultSet rs, int row) throws SQLException {
        return new StockLine(rs.getObject("variant_id", UUID.class), rs.getInt("quantity"));
    }
}
