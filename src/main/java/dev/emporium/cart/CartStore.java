package dev.emporium.cart;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Carts and their lines in PostgreSQL. Finders skip expired carts, so an expired cart is gone for every reader
 * before the sweeper deletes it. Writers lock the cart row first (renewing it, or {@code FOR UPDATE}): changes to one
 * cart queue up instead of racing, and the line limit holds.
 */
@Component
class CartStore {

    private static final String COLUMNS = "id, customer_id, country, shipping_option, expires_at";

    private final JdbcClient jdbc;

    CartStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record StoredCart(UUID id, UUID customerId, String country, String shippingOption, Instant expiresAt) {}

    record StoredLine(UUID variantId, int quantity, String sku, String title) {}

    Optional<StoredCart> byToken(byte[] tokenHash, Instant now, boolean lock) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM carts WHERE token_hash = :hash AND expires_at > :now" + (lock ? " FOR UPDATE" : ""))
                .param("hash", tokenHash)
                .param("now", Timestamp.from(now))
                .query(CartStore::cart)
                .optional();
    }

    Optional<StoredCart> ofCustomer(UUID customerId, Instant now, boolean lock) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM carts WHERE customer_id = :customer AND expires_at > :now" + (lock ? " FOR UPDATE" : ""))
                .param("customer", customerId)
                .param("now", Timestamp.from(now))
                .query(CartStore::cart)
                .optional();
    }

    StoredCart createGuest(byte[] tokenHash, Instant now, Instant expiresAt) {
        return jdbc.sql("""
                INSERT INTO carts (id, token_hash, created_at, updated_at, expires_at) VALUES (:id, :hash, :now, :now, :expires)
                RETURNING\s""" + COLUMNS)
                .param("id", UUID.randomUUID())
                .param("hash", tokenHash)
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(expiresAt))
                .query(CartStore::cart)
                .single();
    }

    /**
     * The customer's cart, renewed to expire at {@code expiresAt} and so locked, made if they have none. An expired one
     * not yet swept is replaced: its lines are not revived. Two first requests at once make one cart: the unique index
     * makes the second insert wait and do nothing, and its select then sees the first one's cart. A live cart, the
     * usual case, takes one statement.
     */
    StoredCart renewOrCreateForCustomer(UUID customerId, Instant now, Instant expiresAt) {
        return renewForCustomer(customerId, now, expiresAt).orElseGet(() -> createForCustomer(customerId, now, expiresAt));
    }

    /**
     * A change is activity: the cart about to change is renewed first, and the UPDATE that renews it also takes its
     * lock, so writers of one cart queue up at their first statement.
     */
    Optional<StoredCart> renewForCustomer(UUID customerId, Instant now, Instant expiresAt) {
        return renew("customer_id = :key", customerId, now, expiresAt);
    }

    Optional<StoredCart> renewByToken(byte[] tokenHash, Instant now, Instant expiresAt) {
        return renew("token_hash = :key", tokenHash, now, expiresAt);
    }

    private Optional<StoredCart> renew(String which, Object key, Instant now, Instant expiresAt) {
        return jdbc.sql("UPDATE carts SET updated_at = :now, expires_at = :expires WHERE " + which + " AND expires_at > :now RETURNING " + COLUMNS)
                .param("key", key)
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(expiresAt))
                .query(CartStore::cart)
                .optional();
    }

    private StoredCart createForCustomer(UUID customerId, Instant now, Instant expiresAt) {
        jdbc.sql("DELETE FROM carts WHERE customer_id = :customer AND expires_at <= :now")
                .param("customer", customerId)
                .param("now", Timestamp.from(now))
                .update();
        jdbc.sql("""
                INSERT INTO carts (id, customer_id, created_at, updated_at, expires_at) VALUES (:id, :customer, :now, :now, :expires)
                ON CONFLICT (customer_id) WHERE customer_id IS NOT NULL DO NOTHING""")
                .param("id", UUID.randomUUID())
                .param("customer", customerId)
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(expiresAt))
                .update();
        return ofCustomer(customerId, now, true).orElseThrow();
    }

    List<StoredLine> lines(UUID cartId) {
        return jdbc.sql("SELECT variant_id, quantity, sku, title FROM cart_lines WHERE cart_id = ? ORDER BY added_at, variant_id")
                .param(cartId)
                .query(CartStore::line)
                .list();
    }

    /** A cart with the lines taken out of it. */
    record Taken(StoredCart cart, List<StoredLine> lines) {}

    /**
     * Locks the customer's live cart and deletes its lines, answering them (in the order they were added) with the
     * cart: empty when there is no cart or nothing in it. What is answered is exactly what was deleted, so a line
     * changed meanwhile is taken as it is now, and one added meanwhile stays in the cart.
     */
    Optional<Taken> takeLines(UUID customerId, Instant now) {
        record Row(StoredCart cart, StoredLine line) {}
        List<Row> rows = jdbc.sql("""
                WITH cart AS (SELECT %s FROM carts WHERE customer_id = :customer AND expires_at > :now FOR UPDATE),
                taken AS (
                    DELETE FROM cart_lines line USING cart WHERE line.cart_id = cart.id
                    RETURNING cart.*, line.variant_id, line.quantity, line.sku, line.title, line.added_at)
                SELECT * FROM taken ORDER BY added_at, variant_id""".formatted(COLUMNS))
                .param("customer", customerId)
                .param("now", Timestamp.from(now))
                .query((rs, row) -> new Row(cart(rs, row), line(rs, row)))
                .list();
        return rows.isEmpty() ? Optional.empty() : Optional.of(new Taken(rows.getFirst().cart(), rows.stream().map(Row::line).toList()));
    }

    /**
     * Sets the line's quantity, adding the line if the cart has none for the variant and fewer than {@code maxLines}
     * lines. Answers the cart's lines after the change, in the order they were added (a changed line keeps its
     * place), or empty, changing nothing, when the cart is full. One statement: the caller holds the cart's lock, so
     * the other lines it reads are the cart's lines.
     */
    Optional<List<StoredLine>> setLine(UUID cartId, StoredLine line, Instant now, int maxLines) {
        List<StoredLine> lines = jdbc.sql("""
                WITH changed AS (
                    INSERT INTO cart_lines (cart_id, variant_id, quantity, sku, title, added_at)
                    SELECT :cart, :variant, :quantity, :sku, :title, :now
                    WHERE EXISTS (SELECT 1 FROM cart_lines WHERE cart_id = :cart AND variant_id = :variant)
                       OR (SELECT count(*) FROM cart_lines WHERE cart_id = :cart) < :maxLines
                    ON CONFLICT (cart_id, variant_id) DO UPDATE SET quantity = excluded.quantity, sku = excluded.sku, title = excluded.title
                    RETURNING variant_id, quantity, sku, title, added_at)
                SELECT * FROM changed
                UNION ALL
                SELECT variant_id, quantity, sku, title, added_at FROM cart_lines
                WHERE cart_id = :cart AND variant_id <> :variant AND EXISTS (SELECT 1 FROM changed)
                ORDER BY added_at, variant_id""")
                .param("cart", cartId)
                .param("variant", line.variantId())
                .param("quantity", line.quantity())
                .param("sku", line.sku())
                .param("title", line.title())
                .param("now", Timestamp.from(now))
                .param("maxLines", maxLines)
                .query(CartStore::line)
                .list();
        return lines.isEmpty() ? Optional.empty() : Optional.of(lines);
    }

    void removeLine(UUID cartId, UUID variantId) {
        jdbc.sql("DELETE FROM cart_lines WHERE cart_id = ? AND variant_id = ?").params(cartId, variantId).update();
    }

    StoredCart ship(UUID cartId, String country, String option) {
        return jdbc.sql("UPDATE carts SET country = ?, shipping_option = ? WHERE id = ? RETURNING " + COLUMNS)
                .params(country, option, cartId)
                .query(CartStore::cart)
                .single();
    }

    /** Extends a read cart's life to {@code expiresAt}, writing only if it ends before {@code unlessAfter}: most reads write nothing. */
    boolean extend(UUID cartId, Instant expiresAt, Instant unlessAfter) {
        return jdbc.sql("UPDATE carts SET expires_at = :expires WHERE id = :id AND expires_at < :unlessAfter")
                .param("id", cartId)
                .param("expires", Timestamp.from(expiresAt))
                .param("unlessAfter", Timestamp.from(unlessAfter))
                .update() == 1;
    }

    void delete(UUID cartId) {
        jdbc.sql("DELETE FROM carts WHERE id = ?").param(cartId).update();
    }

    /**
     * Deletes up to {@code batchSize} expired carts (their lines cascade). Rows another instance's sweep, or a
     * request, has locked are skipped rather than waited for, so sweepers on several instances share the work.
     */
    int sweep(Instant now, int batchSize) {
        return jdbc.sql("""
                DELETE FROM carts WHERE id IN (
                    SELECT id FROM carts WHERE expires_at <= :now ORDER BY expires_at LIMIT :batch FOR UPDATE SKIP LOCKED)""")
                .param("now", Timestamp.from(now))
                .param("batch", batchSize)
                .update();
    }

    private static StoredLine line(ResultSet rs, int row) throws SQLException {
        return new StoredLine(rs.getObject("variant_id", UUID.class), rs.getInt("quantity"), rs.getString("sku"), rs.getString("title"));
    }

    private static StoredCart cart(ResultSet rs, int row) throws SQLException {
        return new StoredCart(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class), rs.getString("country"),
                rs.getString("shipping_option"), rs.getTimestamp("expires_at").toInstant());
    }
}
