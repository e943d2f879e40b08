package dev.emporium.catalog.seed;

import dev.emporium.catalog.CatalogProperties;
import dev.emporium.catalog.CategoriesChanged;
import dev.emporium.catalog.seed.DemoCatalog.Category;
import dev.emporium.catalog.seed.DemoCatalog.Product;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fills the catalog with the {@link DemoCatalog}'s first products: categories first, then, in batches, the products
 * that are not there yet. Running it again with the same count adds nothing; with a larger count, the rest.
 */
@Service
class CatalogSeeder {

    private static final int BATCH = 5_000;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final CatalogCopy copy;
    private final String currency;
    private final ApplicationEventPublisher events;

    CatalogSeeder(DataSource dataSource, JdbcClient jdbc, JsonMapper json, CatalogProperties properties,
            ApplicationEventPublisher events) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.copy = new CatalogCopy(json);
        this.currency = properties.currency();
        this.events = events;
    }

    record Report(int products, int variants, int images, int categories, int alreadyThere, Duration took) {

        String summary() {
            return "Seeded %d products, %d variants, %d images and %d categories in %.1f s (%d of the products were already there)"
                    .formatted(products, variants, images, categories, took.toMillis() / 1000.0, alreadyThere);
        }
    }

    /** Makes products 1 to {@code count} of the demo catalog exist. */
    Report seed(int count) {
        long start = System.nanoTime();
        // Publication times count back from today, so the same count makes the same rows all day.
        DemoCatalog catalog = new DemoCatalog(currency, Instant.now().truncatedTo(ChronoUnit.DAYS));
        int categories = insertCategories(catalog.categories());
        Map<String, UUID> categoryIds = categoryIds(catalog.categories());
        BitSet existing = existingNumbers();
        CatalogCopy.Written written = new CatalogCopy.Written(0, 0, 0);
        try (Connection connection = dataSource.getConnection()) {
            List<Product> batch = new ArrayList<>(BATCH);
            for (int number = existing.nextClearBit(1); number <= count; number = existing.nextClearBit(number + 1)) {
                batch.add(catalog.product(number));
                if (batch.size() == BATCH) {
                    written = written.plus(copy.write(connection, batch, categoryIds));
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                written = written.plus(copy.write(connection, batch, categoryIds));
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("Seeding the catalog failed: " + failure.getMessage(), failure);
        }
        if (written.products() > 0 || categories > 0) {
            // Fresh statistics, or the planner guesses a few rows and filters every product by trigram similarity;
            // the vacuum also merges the GIN indexes' pending entries, which each search would otherwise scan.
            jdbc.sql("VACUUM (ANALYZE) categories, products, product_variants, product_images").update();
            events.publishEvent(new CategoriesChanged()); // drops cached listings in this process
        }
        int alreadyThere = existing.get(1, count + 1).cardinality();
        return new Report(written.products(), written.variants(), written.images(), categories, alreadyThere,
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** Roots come before their children in the list, so a child finds its parent by slug. */
    private int insertCategories(List<Category> categories) {
        int inserted = 0;
        for (Category category : categories) {
            inserted += jdbc.sql("""
                    INSERT INTO categories (id, slug, name, parent_id, position)
                    VALUES (:id, :slug, :name, (SELECT id FROM categories WHERE slug = :parent), :position)
                    ON CONFLICT DO NOTHING""")
                    .param("id", category.id()).param("slug", category.slug()).param("name", category.name())
                    .param("parent", category.parentSlug()).param("position", category.position())
                    .update();
        }
        return inserted;
    }

    /** By slug: a category staff made before with the same slug is used as it is. */
    private Map<String, UUID> categoryIds(List<Category> categories) {
        Map<String, UUID> ids = new HashMap<>();
        jdbc.sql("SELECT slug, id FROM categories WHERE slug = ANY(:slugs)")
                .param("slugs", categories.stream().map(Category::slug).toArray(String[]::new))
                .query(rs -> {
                    ids.put(rs.getString("slug"), rs.getObject("id", UUID.class));
                });
        return ids;
    }

    /** The numbers of the demo products already in the catalog, read from their slugs. */
    private BitSet existingNumbers() {
        BitSet numbers = new BitSet();
        jdbc.sql("""
                SELECT substring(slug FROM '^seed-([0-9]{1,9})-')::int FROM products
                WHERE slug LIKE 'seed-%' AND slug ~ '^seed-[0-9]{1,9}-'""")
                .query(Integer.class).list()
                .forEach(numbers::set);
        return numbers;
    }
}
