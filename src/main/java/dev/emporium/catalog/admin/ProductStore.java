package dev.emporium.catalog.admin;

import dev.emporium.catalog.Money;
import dev.emporium.catalog.ProductStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The product aggregate's SQL: a product with its variants and images, versioned as one. Every change bumps
 * {@code products.version}, and changes are conditional on the version the caller read.
 */
@Repository
class ProductStore {

    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ProductStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    boolean insert(UUID id, ProductInput input) {
        return jdbc.sql("""
                INSERT INTO products (id, slug, title, description, brand, category_id, attributes)
                VALUES (:id, :slug, :title, :description, :brand, :category, :attributes::jsonb)""")
                .param("id", id)
                .params(fields(input))
                .update() == 1;
    }

    /** Replaces the product's own fields if it is still at {@code expectedVersion}; false if it is not. */
    boolean update(UUID id, int expectedVersion, ProductInput input) {
        return jdbc.sql("""
                UPDATE products SET slug = :slug, title = :title, description = :description, brand = :brand,
                       category_id = :category, attributes = :attributes::jsonb, updated_at = now(), version = version + 1
                WHERE id = :id AND version = :version""")
                .param("id", id)
                .param("version", expectedVersion)
                .params(fields(input))
                .update() == 1;
    }

    /** A product's own fields as the statements above name them. */
    private Map<String, Object> fields(ProductInput input) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("slug", input.slug());
        fields.put("title", input.title().strip());
        fields.put("description", input.description());
        fields.put("brand", input.brand());
        fields.put("category", input.categoryId());
        fields.put("attributes", json.writeValueAsString(input.attributes()));
        return fields;
    }

    /** A variant's fields as the statements below name them. */
    private Map<String, Object> fields(ProductInput.VariantInput variant) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("sku", variant.sku());
        fields.put("options", json.writeValueAsString(variant.options() == null ? Map.of() : variant.options()));
        fields.put("price", variant.price().amount());
        fields.put("currency", variant.price().currency());
        fields.put("weight", variant.weightGrams());
        return fields;
    }

    /** Claims the aggregate for a change at {@code expectedVersion}: bumps the version, locks the row until commit. */
    boolean claim(UUID id, int expectedVersion) {
        return jdbc.sql("UPDATE products SET version = version + 1, updated_at = now() WHERE id = :id AND version = :version")
                .param("id", id).param("version", expectedVersion).update() == 1;
    }

    /** Moves to {@code status}; publishing needs a price (a variant) and keeps the first publication time. */
    boolean changeStatus(UUID id, int expectedVersion, ProductStatus status) {
        return jdbc.sql("""
                UPDATE products SET status = :status, updated_at = now(), version = version + 1,
                       published_at = CASE WHEN :status = 'published' THEN coalesce(published_at, now()) ELSE published_at END
                WHERE id = :id AND version = :version""")
                .param("id", id).param("version", expectedVersion).param("status", status.column())
                .update() == 1;
    }

    void replaceImages(UUID productId, List<ProductInput.Image> images) {
        jdbc.sql("DELETE FROM product_images WHERE product_id = :id").param("id", productId).update();
        for (int position = 0; position < images.size(); position++) {
            ProductInput.Image image = images.get(position);
            jdbc.sql("INSERT INTO product_images (product_id, position, url, alt) VALUES (:id, :position, :url, :alt)")
                    .param("id", productId).param("position", position).param("url", image.url())
                    .param("alt", image.alt() == null ? "" : image.alt().strip())
                    .update();
        }
    }

    /**
     * Inserts the variant, or updates the one with its SKU when that belongs to this product. Empty when the SKU
     * belongs to another product.
     */
    Optional<UUID> upsertVariant(UUID productId, ProductInput.VariantInput variant) {
        return jdbc.sql("""
                INSERT INTO product_variants (id, product_id, sku, options, price_minor, currency, weight_grams, position)
                VALUES (:id, :product, :sku, :options::jsonb, :price, :currency, :weight,
                        (SELECT coalesce(max(position) + 1, 0) FROM product_variants WHERE product_id = :product))
                ON CONFLICT (sku) DO UPDATE SET options = excluded.options, price_minor = excluded.price_minor,
                       currency = excluded.currency, weight_grams = excluded.weight_grams, updated_at = now(),
                       version = product_variants.version + 1
                WHERE product_variants.product_id = excluded.product_id
                RETURNING id""")
                .param("id", UUID.randomUUID()).param("product", productId)
                .params(fields(variant))
                .query(UUID.class)
                .optional();
    }

    boolean updateVariant(UUID productId, UUID variantId, ProductInput.VariantInput variant) {
        return jdbc.sql("""
                UPDATE product_variants SET sku = :sku, options = :options::jsonb, price_minor = :price,
                       currency = :currency, weight_grams = :weight, updated_at = now(), version = version + 1
                WHERE id = :id AND product_id = :product""")
                .param("id", variantId).param("product", productId)
                .params(fields(variant))
                .update() == 1;
    }

    enum VariantDeletion { DELETED, NO_SUCH_VARIANT, HELD_FOR_AN_ORDER }

    /**
     * Deletes the variant unless an unpaid order holds its stock, which the database refuses (migration V12) and
     * which aborts the transaction: the caller must end it.
     */
    VariantDeletion deleteVariant(UUID productId, UUID variantId) {
        try {
            int deleted = jdbc.sql("DELETE FROM product_variants WHERE id = :id AND product_id = :product")
                    .param("id", variantId).param("product", productId).update();
            return deleted == 1 ? VariantDeletion.DELETED : VariantDeletion.NO_SUCH_VARIANT;
        } catch (DataIntegrityViolationException refused) {
            if (refused.getMostSpecificCause() instanceof SQLException sql && "23001".equals(sql.getSQLState())) {
                return VariantDeletion.HELD_FOR_AN_ORDER;
            }
            throw refused;
        }
    }

    /** Keeps the listing price (the lowest variant price) in step with the variants. */
    void refreshPriceFrom(UUID productId) {
        jdbc.sql("""
                UPDATE products p SET price_from = v.price, currency = v.currency
                FROM (SELECT min(price_minor) AS price, min(currency) AS currency
                      FROM product_variants WHERE product_id = :id) v
                WHERE p.id = :id""")
                .param("id", productId).update();
    }

    Optional<String> slugOf(UUID id) {
        return jdbc.sql("SELECT slug FROM products WHERE id = :id").param("id", id).query(String.class).optional();
    }

    Optional<UUID> idOfSlug(String slug) {
        return jdbc.sql("SELECT id FROM products WHERE slug = :slug").param("slug", slug).query(UUID.class).optional();
    }

    Optional<AdminProduct> find(UUID id) {
        return jdbc.sql("""
                SELECT id, slug, title, description, brand, category_id, attributes::text AS attributes, status,
                       price_from, currency, published_at, created_at, updated_at, version
                FROM products WHERE id = :id""")
                .param("id", id)
                .query((rs, row) -> product(rs))
                .optional()
                .map(product -> product.with(images(id), variants(id)));
    }

    private List<ProductInput.Image> images(UUID productId) {
        return jdbc.sql("SELECT url, alt FROM product_images WHERE product_id = :id ORDER BY position")
                .param("id", productId)
                .query((rs, row) -> new ProductInput.Image(rs.getString("url"), rs.getString("alt")))
                .list();
    }

    private List<AdminProduct.Variant> variants(UUID productId) {
        return jdbc.sql("""
                SELECT id, sku, options::text AS options, price_minor, currency, weight_grams
                FROM product_variants WHERE product_id = :id ORDER BY position, sku""")
                .param("id", productId)
                .query((rs, row) -> new AdminProduct.Variant(rs.getObject("id", UUID.class), rs.getString("sku"),
                        json.readValue(rs.getString("options"), STRING_MAP),
                        new Money(rs.getLong("price_minor"), rs.getString("currency")),
                        (Integer) rs.getObject("weight_grams")))
                .list();
    }

    private AdminProduct product(ResultSet rs) throws SQLException {
        long price = rs.getLong("price_from");
        Money priceFrom = rs.wasNull() ? null : new Money(price, rs.getString("currency"));
        return new AdminProduct(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getString("title"),
                rs.getString("description"), rs.getString("brand"), rs.getObject("category_id", UUID.class),
                json.readValue(rs.getString("attributes"), STRING_MAP), ProductStatus.ofColumn(rs.getString("status")),
                priceFrom, List.of(), List.of(), instant(rs, "published_at"), instant(rs, "created_at"),
                instant(rs, "updated_at"), rs.getInt("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
