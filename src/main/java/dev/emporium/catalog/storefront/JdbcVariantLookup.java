package dev.emporium.catalog.storefront;

import dev.emporium.catalog.Money;
import dev.emporium.catalog.PurchasableVariant;
import dev.emporium.catalog.VariantLookup;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Variants straight from the database, never from a cache: a cart's totals and a checkout need today's price. */
@Component
class JdbcVariantLookup implements VariantLookup {

    private final JdbcClient jdbc;

    JdbcVariantLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<UUID, PurchasableVariant> find(Collection<UUID> variantIds) {
        Map<UUID, PurchasableVariant> found = new LinkedHashMap<>();
        if (variantIds.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                SELECT v.id, v.product_id, v.sku, p.title, v.price_minor, v.currency, p.status = 'published' AS purchasable
                FROM product_variants v JOIN products p ON p.id = v.product_id
                WHERE v.id = ANY(:ids)""")
                .param("ids", variantIds.toArray(UUID[]::new))
                .query(rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    found.put(id, new PurchasableVariant(id, rs.getObject("product_id", UUID.class), rs.getString("sku"),
                            rs.getString("title"), new Money(rs.getLong("price_minor"), rs.getString("currency")),
                            rs.getBoolean("purchasable")));
                });
        return found;
    }
}
