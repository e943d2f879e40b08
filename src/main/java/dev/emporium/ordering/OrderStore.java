package dev.emporium.ordering;

import dev.emporium.catalog.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Orders' SQL. A status changes only from the status the caller saw, so two changes never both apply. */
@Repository
class OrderStore {

    private static final String COLUMNS = """
            o.id, o.number, o.customer_id, o.status, o.currency, o.subtotal, o.tax, o.shipping, o.grand_total,
            o.shipping_address, o.created_at, o.updated_at""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    OrderStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record NewOrder(UUID id, UUID customerId, String currency, long subtotal, long tax, long shipping, long grandTotal,
            String country, String shippingOption, ShippingAddress shippingAddress, List<OrderView.Line> lines) {}

    /**
     * Inserts the order, its lines and its first transition in one statement (one round trip, however many lines);
     * answers the order as stored.
     */
    OrderView insert(NewOrder order) {
        record Stored(long number, Instant createdAt, Instant updatedAt) {}
        // In the order reads list them (by SKU, compared as the "C" collation does), so the answer matches later reads.
        List<OrderView.Line> lines = order.lines().stream().sorted(Comparator.comparing(OrderView.Line::sku)).toList();
        Stored stored = jdbc.sql("""
                WITH placed AS (
                    INSERT INTO orders (id, customer_id, status, currency, subtotal, tax, shipping, grand_total, country,
                                        shipping_option, shipping_address)
                    VALUES (:id, :customer, :status, :currency, :subtotal, :tax, :shipping, :total, :country, :option,
                            :address::jsonb)
                    RETURNING id, number, created_at, updated_at),
                placed_lines AS (
                    INSERT INTO order_lines (order_id, variant_id, sku, title, quantity, unit_price, line_total)
                    SELECT placed.id, line.* FROM placed, unnest(:variants::uuid[], :skus::text[], :titles::text[],
                            :quantities::integer[], :prices::bigint[], :totals::bigint[])
                        AS line(variant_id, sku, title, quantity, unit_price, line_total)),
                first_transition AS (
                    INSERT INTO order_transitions (order_id, to_status, actor) SELECT id, :status, 'checkout' FROM placed)
                SELECT number, created_at, updated_at FROM placed""")
                .param("id", order.id()).param("customer", order.customerId())
                .param("status", OrderStatus.PENDING_PAYMENT.column()).param("currency", order.currency())
                .param("subtotal", order.subtotal()).param("tax", order.tax()).param("shipping", order.shipping())
                .param("total", order.grandTotal()).param("country", order.country()).param("option", order.shippingOption())
                .param("address", json.writeValueAsString(order.shippingAddress()))
                .param("variants", lines.stream().map(OrderView.Line::variantId).toArray(UUID[]::new))
                .param("skus", lines.stream().map(OrderView.Line::sku).toArray(String[]::new))
                .param("titles", lines.stream().map(OrderView.Line::title).toArray(String[]::new))
                .param("quantities", lines.stream().map(OrderView.Line::quantity).toArray(Integer[]::new))
                .param("prices", lines.stream().map(line -> line.unitPrice().amount()).toArray(Long[]::new))
                .param("totals", lines.stream().map(line -> line.lineTotal().amount()).toArray(Long[]::new))
                .query((rs, row) -> new Stored(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()))
                .single();
        String currency = order.currency();
        return new OrderView(order.id(), OrderView.number(stored.number()), order.customerId(), OrderStatus.PENDING_PAYMENT,
                lines, new Money(order.subtotal(), currency), new Money(order.tax(), currency),
                new Money(order.shipping(), currency), new Money(order.grandTotal(), currency), order.shippingAddress(),
                stored.createdAt(), stored.updatedAt());
    }

    /** Moves the order from {@code from} to {@code to}; false if it is no longer in {@code from}. */
    boolean move(UUID id, OrderStatus from, OrderStatus to, String actor, String reason) {
        boolean moved = jdbc.sql("""
                UPDATE orders SET status = :to, updated_at = now(), version = version + 1
                WHERE id = :id AND status = :from""")
                .param("id", id).param("from", from.column()).param("to", to.column())
                .update() == 1;
        if (moved) {
            recordTransition(id, from, to, actor, reason);
        }
        return moved;
    }

    private void recordTransition(UUID id, OrderStatus from, OrderStatus to, String actor, String reason) {
        jdbc.sql("INSERT INTO order_transitions (order_id, from_status, to_status, actor, reason) VALUES (:id, :from, :to, :actor, :reason)")
                .param("id", id).param("from", from == null ? null : from.column()).param("to", to.column())
                .param("actor", actor).param("reason", reason)
                .update();
    }

    Optional<OrderView> find(UUID id) {
        return find(id, "");
    }

    /** The order, its row locked for the rest of the transaction. */
    Optional<OrderView> findLocked(UUID id) {
        return find(id, " FOR UPDATE OF o");
    }

    private Optional<OrderView> find(UUID id, String lock) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders o WHERE o.id = :id" + lock).param("id", id)
                .query((rs, row) -> order(rs)).optional()
                .map(order -> withLines(List.of(order)).getFirst());
    }

    /** Orders matching the filters, newest first, after the keyset position if given. */
    List<OrderView> search(UUID customerId, OrderStatus status, Instant from, Instant to, Keyset after, int limit) {
        List<String> conditions = new ArrayList<>(List.of("true"));
        Map<String, Object> params = new LinkedHashMap<>();
        if (customerId != null) {
            conditions.add("o.customer_id = :customer");
            params.put("customer", customerId);
        }
        if (status != null) {
            conditions.add("o.status = :status");
            params.put("status", status.column());
        }
        if (from != null) {
            conditions.add("o.created_at >= :from");
            params.put("from", OffsetDateTime.ofInstant(from, java.time.ZoneOffset.UTC));
        }
        if (to != null) {
            conditions.add("o.created_at < :to");
            params.put("to", OffsetDateTime.ofInstant(to, java.time.ZoneOffset.UTC));
        }
        if (after != null) {
            conditions.add("(o.created_at, o.id) < (:afterAt, :afterId)");
            params.put("afterAt", OffsetDateTime.ofInstant(after.createdAt(), java.time.ZoneOffset.UTC));
            params.put("afterId", after.id());
        }
        params.put("limit", limit);
        List<OrderView> orders = jdbc.sql("SELECT " + COLUMNS + " FROM orders o WHERE " + String.join(" AND ", conditions)
                        + " ORDER BY o.created_at DESC, o.id DESC LIMIT :limit")
                .params(params).query((rs, row) -> order(rs)).list();
        return withLines(orders);
    }

    record Keyset(Instant createdAt, UUID id) {}

    private List<OrderView> withLines(List<OrderView> orders) {
        if (orders.isEmpty()) {
            return orders;
        }
        Map<UUID, List<OrderView.Line>> lines = new LinkedHashMap<>();
        Map<UUID, String> currencies = new LinkedHashMap<>();
        orders.forEach(order -> currencies.put(order.id(), order.grandTotal().currency()));
        jdbc.sql("""
                SELECT order_id, variant_id, sku, title, quantity, unit_price, line_total FROM order_lines
                WHERE order_id = ANY(:ids) ORDER BY order_id, sku COLLATE "C\"""")
                .param("ids", orders.stream().map(OrderView::id).toArray(UUID[]::new))
                .query(rs -> {
                    UUID order = rs.getObject("order_id", UUID.class);
                    String currency = currencies.get(order);
                    lines.computeIfAbsent(order, id -> new ArrayList<>()).add(new OrderView.Line(
                            rs.getObject("variant_id", UUID.class), rs.getString("sku"), rs.getString("title"),
                            rs.getInt("quantity"), new Money(rs.getLong("unit_price"), currency),
                            new Money(rs.getLong("line_total"), currency)));
                });
        return orders.stream().map(order -> new OrderView(order.id(), order.number(), order.customerId(), order.status(),
                lines.getOrDefault(order.id(), List.of()), order.subtotal(), order.tax(), order.shipping(),
                order.grandTotal(), order.shippingAddress(), order.createdAt(), order.updatedAt())).toList();
    }

    private OrderView order(ResultSet rs) throws SQLException {
        String address = rs.getString("shipping_address");
        String currency = rs.getString("currency");
        return new OrderView(rs.getObject("id", UUID.class), OrderView.number(rs.getLong("number")),
                rs.getObject("customer_id", UUID.class), OrderStatus.ofColumn(rs.getString("status")), List.of(),
                new Money(rs.getLong("subtotal"), currency), new Money(rs.getLong("tax"), currency),
                new Money(rs.getLong("shipping"), currency), new Money(rs.getLong("grand_total"), currency),
                address == null ? null : json.readValue(address, ShippingAddress.class),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
