package dev.emporium.ordering;

import dev.emporium.catalog.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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

    /** Inserts the order and its lines; answers its number. */
    long insert(NewOrder order) {
        long number = jdbc.sql("""
                INSERT INTO orders (id, customer_id, status, currency, subtotal, tax, shipping, grand_total, country, shipping_option,
                                    shipping_address)
                VALUES (:id, :customer, 'pending_payment', :currency, :subtotal, :tax, :shipping, :total, :country, :option,
                        :address::jsonb)
                RETURNING number""")
                .param("id", order.id()).param("customer", order.customerId()).param("currency", order.currency())
                .param("subtotal", order.subtotal()).param("tax", order.tax()).param("shipping", order.shipping())
                .param("total", order.grandTotal()).param("country", order.country()).param("option", order.shippingOption())
                .param("address", json.writeValueAsString(order.shippingAddress()))
                .query(Long.class).single();
        for (OrderView.Line line : order.lines()) {
            jdbc.sql("""
                    INSERT INTO order_lines (order_id, variant_id, sku, title, quantity, unit_price, line_total)
                    VALUES (:order, :variant, :sku, :title, :quantity, :price, :total)""")
                    .param("order", order.id()).param("variant", line.variantId()).param("sku", line.sku())
                    .param("title", line.title()).param("quantity", line.quantity())
                    .param("price", line.unitPrice().amount()).param("total", line.lineTotal().amount())
                    .update();
        }
        recordTransition(order.id(), null, OrderStatus.PENDING_PAYMENT, "checkout", null);
        return number;
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
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders o WHERE o.id = :id").param("id", id)
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
                WHERE order_id = ANY(:ids) ORDER BY order_id, sku""")
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
