package dev.emporium.catalog.seed;

import dev.emporium.catalog.seed.DemoCatalog.Image;
import dev.emporium.catalog.seed.DemoCatalog.Product;
import dev.emporium.catalog.seed.DemoCatalog.Variant;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes batches of products with PostgreSQL's COPY: a batch is copied into temporary tables, then moved into the
 * catalog by one statement that skips what already exists (ON CONFLICT DO NOTHING on ids, slugs and SKUs) and
 * takes variants and images only for the products it inserted. One batch is one transaction.
 */
final class CatalogCopy {

    private static final String TEMPORARY_TABLES = """
            CREATE TEMPORARY TABLE seed_products (id uuid, slug text, title text, description text, brand text,
                category_id uuid, attributes jsonb, price_from bigint, currency text, published_at timestamptz) ON COMMIT DROP;
            CREATE TEMPORARY TABLE seed_variants (id uuid, product_id uuid, sku text, options jsonb, price_minor bigint,
                currency text, weight_grams integer, position integer) ON COMMIT DROP;
            CREATE TEMPORARY TABLE seed_images (product_id uuid, position integer, url text, alt text) ON COMMIT DROP""";

    private static final String MOVE = """
            WITH new_products AS (
                INSERT INTO products (id, slug, title, description, brand, category_id, attributes, status, price_from,
                                      currency, published_at)
                SELECT id, slug, title, description, brand, category_id, attributes, 'published', price_from, currency,
                       published_at
                FROM seed_products
                ON CONFLICT DO NOTHING
                RETURNING id),
            new_variants AS (
                INSERT INTO product_variants (id, product_id, sku, options, price_minor, currency, weight_grams, position)
                SELECT v.id, v.product_id, v.sku, v.options, v.price_minor, v.currency, v.weight_grams, v.position
                FROM seed_variants v JOIN new_products p ON p.id = v.product_id
                ON CONFLICT DO NOTHING
                RETURNING 1),
            new_images AS (
                INSERT INTO product_images (product_id, position, url, alt)
                SELECT i.product_id, i.position, i.url, i.alt
                FROM seed_images i JOIN new_products p ON p.id = i.product_id
                ON CONFLICT DO NOTHING
                RETURNING 1)
            SELECT (SELECT count(*) FROM new_products), (SELECT count(*) FROM new_variants),
                   (SELECT count(*) FROM new_images)""";

    record Written(int products, int variants, int images) {

        Written plus(Written other) {
            return new Written(products + other.products, variants + other.variants, images + other.images);
        }
    }

    private final JsonMapper json;

    CatalogCopy(JsonMapper json) {
        this.json = json;
    }

    /** Writes {@code products} (categories by slug from {@code categoryIds}) in one transaction of {@code connection}. */
    Written write(Connection connection, List<Product> products, Map<String, UUID> categoryIds) throws SQLException {
        Rows productRows = new Rows();
        Rows variantRows = new Rows();
        Rows imageRows = new Rows();
        for (Product product : products) {
            productRows.add(product.id(), product.slug(), product.title(), product.description(), product.brand(),
                    categoryIds.get(product.categorySlug()), json.writeValueAsString(product.attributes()),
                    product.priceFrom(), product.variants().getFirst().currency(), product.publishedAt());
            for (int position = 0; position < product.variants().size(); position++) {
                Variant variant = product.variants().get(position);
                variantRows.add(variant.id(), product.id(), variant.sku(), json.writeValueAsString(variant.options()),
                        variant.priceMinor(), variant.currency(), variant.weightGrams(), position);
            }
            for (int position = 0; position < product.images().size(); position++) {
                Image image = product.images().get(position);
                imageRows.add(product.id(), position, image.url(), image.alt());
            }
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute(TEMPORARY_TABLES);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            productRows.copyInto(copy, "seed_products");
            variantRows.copyInto(copy, "seed_variants");
            imageRows.copyInto(copy, "seed_images");
            Written written;
            try (ResultSet counts = statement.executeQuery(MOVE)) {
                counts.next();
                written = new Written(counts.getInt(1), counts.getInt(2), counts.getInt(3));
            }
            connection.commit();
            return written;
        } catch (SQLException | RuntimeException failure) {
            connection.rollback();
            throw failure;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Rows in COPY's text format: tab-separated, \N for null, backslash escapes for the separators. */
    private static final class Rows {

        private final StringBuilder text = new StringBuilder(1 << 16);

        void add(Object... values) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                if (values[i] == null) {
                    text.append("\\N");
                } else {
                    escape(values[i].toString());
                }
            }
            text.append('\n');
        }

        private void escape(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\\' -> text.append("\\\\");
                    case '\t' -> text.append("\\t");
                    case '\n' -> text.append("\\n");
                    case '\r' -> text.append("\\r");
                    default -> text.append(c);
                }
            }
        }

        void copyInto(CopyManager copy, String table) throws SQLException {
            try {
                copy.copyIn("COPY " + table + " FROM STDIN",
                        new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)));
            } catch (IOException impossible) {
                throw new UncheckedIOException(impossible); // the stream is in memory
            }
        }
    }
}
