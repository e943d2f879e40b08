package dev.emporium.inventory;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Variants and stock written straight to the tables, for tests about what happens next. */
public record StockFixtures(JdbcClient jdbc) {

    /** A draft product with one variant and nothing counted: no stock row. */
    public UUID variant() {
        UUID product = UUID.randomUUID();
        UUID variant = UUID.randomUUID();
        String slug = "stock-" + product;
        jdbc.sql("INSERT INTO products (id, slug, title) VALUES (:id, :slug, 'Stocked item')")
                .param("id", product).param("slug", slug).update();
        jdbc.sql("""
                INSERT INTO product_variants (id, product_id, sku, price_minor, currency)
                VALUES (:id, :product, :sku, 1000, 'EUR')""")
                .param("id", variant).param("product", product).param("sku", slug.toUpperCase()).update();
        return variant;
    }

    /** A variant with {@code onHand} units on hand and none reserved. */
    public UUID variantWith(int onHand) {
        UUID variant = variant();
        jdbc.sql("INSERT INTO stock (variant_id, on_hand) VALUES (:id, :onHand)")
                .param("id", variant).param("onHand", onHand).update();
        return variant;
    }

    public Level level(UUID variantId) {
        return jdbc.sql("SELECT on_hand, reserved FROM stock WHERE variant_id = :id").param("id", variantId)
                .query((rs, row) -> new Level(rs.getInt("on_hand"), rs.getInt("reserved"))).single();
    }

    /** The statuses the order's reservations are in. */
    public List<String> reservationStatuses(UUID orderId) {
        return jdbc.sql("SELECT DISTINCT status FROM stock_reservations WHERE order_id = :id ORDER BY status")
                .param("id", orderId).query(String.class).list();
    }

    public record Level(int onHand, int reserved) {}
}
