package dev.emporium.catalog.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emporium.catalog.storefront.ProductQueries.Statement;
import dev.emporium.support.IntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * At 100,000 published products, no storefront statement reads the products table sequentially: each one the
 * application runs, with its real parameters, is explained and its plan searched for a Seq Scan on products.
 * Titles carry one of 512 model names (about 200 products each), the selectivity of a real search word; a word in
 * a seventh of the catalog ("kettle" here) is cheaper to find by reading the table, and PostgreSQL rightly does.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StorefrontExplainTest {

    static final int PRODUCTS = 100_000;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProductQueries products;

    @Autowired
    ListingRequests listings;

    @BeforeAll
    void hundredThousandProducts() {
        jdbc.sql("""
                INSERT INTO categories (id, slug, name)
                SELECT gen_random_uuid(), 'explain-' || n, 'Explain ' || n FROM generate_series(0, 19) n
                ON CONFLICT (slug) DO NOTHING""").update();
        long present = jdbc.sql("SELECT count(*) FROM products WHERE slug LIKE 'explain-q-%'").query(Long.class).single();
        if (present < PRODUCTS) {
            jdbc.sql("""
                    INSERT INTO products (id, slug, title, description, brand, category_id, attributes, status,
                                          price_from, currency, published_at)
                    SELECT gen_random_uuid(), 'explain-q-' || n,
                           (ARRAY['Quiet', 'Compact', 'Sturdy', 'Bright'])[n % 4 + 1] || ' '
                               || (ARRAY['kettle', 'lamp', 'chair', 'speaker', 'blanket', 'mug', 'drill'])[n % 7 + 1] || ' '
                               || (ARRAY['ka', 'lo', 'mi', 'ren', 'tor', 'vel', 'zan', 'qui'])[n % 8 + 1]
                               || (ARRAY['ba', 'de', 'fi', 'go', 'hu', 'ja', 'ke', 'ly'])[n / 8 % 8 + 1]
                               || (ARRAY['nor', 'pax', 'ris', 'sul', 'tem', 'vik', 'wen', 'xo'])[n / 64 % 8 + 1],
                           'A dependable choice for every home, model ' || md5(n::text),
                           'Brand ' || (n % 60), c.id,
                           jsonb_build_object('colour', (ARRAY['red', 'black', 'white'])[n % 3 + 1]),
                           'published', 100 + (n * 7919) % 100000, 'EUR', now() - make_interval(mins => n)
                    FROM generate_series(1, :count) n
                    JOIN categories c ON c.slug = 'explain-' || (n % 20)
                    ON CONFLICT (slug) DO NOTHING""").param("count", PRODUCTS).update();
        }
        // Fresh statistics and visibility map, as autovacuum would have them on a database in use: a table just
        // filled has neither, and the planner then prices index scans as if every row needed a heap visit.
        jdbc.sql("VACUUM ANALYZE products").update();
    }

    private ListingQuery query(String category, String q, List<String> brands, Long min, Long max, List<String> attributes,
            String sort) {
        return listings.resolve(new ListingRequests.Parameters(category, q, brands, min, max, attributes, sort, 20, null));
    }

    /** The same query, continued from a cursor taken from its first page. */
    private ListingQuery secondPage(ListingQuery first) {
        String cursor = products.page(first).nextCursor();
        assertThat(cursor).as("a second page of " + first).isNotNull();
        return new ListingQuery(first.categorySlug(), first.text(), first.brands(), first.minPrice(),
                first.maxPrice(), first.attributes(), first.sort(), first.limit(), cursor);
    }


    @Test
    void noListingOrSearchScansProducts() {
        List<ListingQuery> queries = List.of(
                query("explain-3", null, null, null, null, null, "newest"),
                query("explain-3", null, null, null, null, null, "price_asc"),
                query("explain-3", null, null, null, null, null, "price_desc"),
                query(null, null, null, null, null, null, "newest"),
                query(null, null, null, null, null, null, "price_asc"),
                query(null, null, List.of("Brand 7"), null, null, null, "newest"),
                query(null, null, null, 500L, 2000L, null, "price_asc"),
                query("explain-3", null, null, 500L, 50000L, List.of("colour:black"), "newest"),
                query(null, "kabanor", null, null, null, null, "relevance"),
                query(null, "sturdy mifisul", null, null, null, null, "relevance"),
                query("explain-5", "compact lamp", null, null, null, null, "price_asc"));
        for (ListingQuery query : queries) {
            assertNoSequentialScan(products.pageStatement(query, TextMatch.EXACT), query.toString());
            assertNoSequentialScan(products.nodesStatement(query, TextMatch.EXACT), "GraphQL page of " + query);
            assertNoSequentialScan(products.pageStatement(secondPage(query), TextMatch.EXACT), "second page of " + query);
        }
    }

    /**
     * A word with a typo finds nothing exactly, so the search runs again by similarity (the only time it does):
     * both statements are explained. Several words with a typo among common ones are not covered: their
     * similarity matches many titles, and PostgreSQL may rightly read the table for them.
     */
    @Test
    void typoSearchesDoNotScanProducts() {
        // A last letter lost: well within the typo tolerance, so the test is about plans, not the threshold's edge.
        for (String typo : List.of("kabano", "mifisu")) {
            ListingQuery query = query(null, typo, null, null, null, null, "relevance");
            assertThat(products.page(query).items()).as("similar titles for " + typo).isNotEmpty();
            for (TextMatch match : TextMatch.values()) {
                assertNoSequentialScan(products.pageStatement(query, match), match + " " + query);
                assertNoSequentialScan(products.nodesStatement(query, match), "GraphQL page, " + match + " " + query);
            }
            ListingQuery next = secondPage(query);
            assertNoSequentialScan(products.pageStatement(next, Cursor.decode(next.cursor(), next.fingerprint()).match()),
                    "second page of " + query);
        }
    }

    @Test
    void facetsDoNotScanProducts() {
        assertNoSequentialScan(products.facetsStatement(query("explain-3", null, null, null, null, null, null), TextMatch.EXACT),
                "category facets");
        assertNoSequentialScan(products.facetsStatement(query(null, "kabanor", null, null, null, null, null), TextMatch.EXACT),
                "search facets");
        assertNoSequentialScan(products.facetsStatement(query(null, "kabano", null, null, null, null, null), TextMatch.SIMILAR),
                "typo search facets");
    }

    @Test
    void productPagesDoNotScanProducts() {
        UUID id = jdbc.sql("SELECT id FROM products WHERE slug = 'explain-q-42'").query(UUID.class).single();
        assertNoSequentialScan(products.nodeStatement(ProductQueries.ByKey.ID, id), "by id");
        assertNoSequentialScan(products.nodeStatement(ProductQueries.ByKey.SLUG, "explain-q-42"), "by slug");
    }

    private void assertNoSequentialScan(Statement statement, String what) {
        String plan = String.join("\n", jdbc.sql("EXPLAIN " + statement.sql()).params(statement.params())
                .query(String.class).list());
        assertThat(plan).as(what + "\n" + plan).doesNotContainPattern("Seq Scan on products");
    }
}
