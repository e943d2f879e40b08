package dev.emporium.inventory.stock;

import dev.emporium.inventory.StockLine;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stock rows and their adjustments. Each change is a single UPDATE conditional on the rule it must keep, so
 * concurrent changes are serialised by the row lock and re-checked against the row they finally see.
 */
@Repository
class StockLevels {

    record Level(int onHand, int reserved, int version, Instant updatedAt) {}

    record Adjustment(long id, int delta, int onHandAfter, String reason, String actor, Instant at) {}

    private final JdbcClient jdbc;

    StockLevels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Sold: the units leave both on hand and reserved. */
    void sell(List<StockLine> lines) {
        for (StockLine line : LockOrder.of(lines)) {
            jdbc.sql("""
                    UPDATE stock SET on_hand = on_hand - :quantity, reserved = reserved - :quantity,
                           version = version + 1, updated_at = now()
                    WHERE variant_id = :variant""")
                    .param("variant", line.variantId()).param("quantity", line.quantity())
                    .update();
        }
    }

    /** Released: the units are available again. */
    void unreserve(List<StockLine> lines) {
        for (StockLine line : LockOrder.of(lines)) {
            jdbc.sql("""
                    UPDATE stock SET reserved = reserved - :quantity, version = version + 1, updated_at = now()
                    WHERE variant_id = :variant""")
                    .param("variant", line.variantId()).param("quantity", line.quantity())
                    .update();
        }
    }

    Map<UUID, Integer> available(Collection<UUID> variantIds) {
        Map<UUID, Integer> available = new HashMap<>();
        jdbc.sql("SELECT variant_id, on_hand - reserved AS available FROM stock WHERE variant_id = ANY(:ids)")
                .param("ids", variantIds.toArray(UUID[]::new))
                .query(rs -> {
                    available.put(rs.getObject("variant_id", UUID.class), rs.getInt("available"));
                });
        return available;
    }

    Optional<Level> find(UUID variantId) {
        return jdbc.sql("SELECT on_hand, reserved, version, updated_at FROM stock WHERE variant_id = :variant")
                .param("variant", variantId)
                .query((rs, row) -> new Level(rs.getInt("on_hand"), rs.getInt("reserved"), rs.getInt("version"),
                        rs.getTimestamp("updated_at").toInstant()))
                .optional();
    }

    /** Gives the variant a stock row (nothing on hand) unless it has one; fails if the variant does not exist. */
    void open(UUID variantId) {
        jdbc.sql("INSERT INTO stock (variant_id) VALUES (:variant) ON CONFLICT (variant_id) DO NOTHING")
                .param("variant", variantId).update();
    }

    /**
     * Changes on hand by {@code delta} when the result stays between what is reserved and the column's maximum;
     * the new on hand, or empty (and no change) when it would not.
     */
    OptionalInt adjust(UUID variantId, int delta) {
        return jdbc.sql("""
                UPDATE stock SET on_hand = on_hand + :delta, version = version + 1, updated_at = now()
                WHERE variant_id = :variant AND on_hand::bigint + :delta BETWEEN reserved AND 2147483647
                RETURNING on_hand""")
                .param("variant", variantId).param("delta", delta)
                .query(Integer.class).optional()
                .map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    void recordAdjustment(UUID variantId, int delta, int onHandAfter, String reason, String actor) {
        jdbc.sql("""
                INSERT INTO stock_adjustments (variant_id, delta, on_hand_after, reason, actor)
                VALUES (:variant, :delta, :after, :reason, :actor)""")
                .param("variant", variantId).param("delta", delta).param("after", onHandAfter)
                .param("reason", reason).param("actor", actor)
                .update();
    }

    List<Adjustment> recentAdjustments(UUID variantId, int limit) {
        return jdbc.sql("""
                SELECT id, delta, on_hand_after, reason, actor, created_at FROM stock_adjustments
                WHERE variant_id = :variant ORDER BY id DESC LIMIT :limit""")
                .param("variant", variantId).param("limit", limit)
                .query(StockLevels::adjustment).list();
    }

    private static Adjustment adjustment(ResultSet rs, int row) throws SQLException {
        return new Adjustment(rs.getLong("id"), rs.getInt("delta"), rs.getInt("on_hand_after"), rs.getString("reason"),
                rs.getString("actor"), rs.getTimestamp("created_at").toInstant());
    }
}
