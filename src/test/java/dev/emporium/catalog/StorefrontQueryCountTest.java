package dev.emporium.catalog;

import static dev.emporium.support.TestHttp.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.emporium.support.Accounts;
import dev.emporium.support.Catalog;
import dev.emporium.support.IntegrationTest;
import dev.emporium.support.StatementCounter;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** Each storefront request costs a fixed number of SQL statements, whatever the page size: no N+1. */
@IntegrationTest
@Import(StatementCounter.class)
class StorefrontQueryCountTest {

    @LocalServerPort
    int port;

    @Autowired
    StatementCounter counter;

    String categorySlug;
    String productId;

    @BeforeEach
    void setUp() {
        Catalog catalog = Catalog.as(url(""), new Accounts(url("")).admin());
        categorySlug = Catalog.unique();
        String category = catalog.category(categorySlug, null);
        for (int i = 0; i < 12; i++) {
            productId = catalog.published(Catalog.unique(), "Counted item " + i, "Brand" + (i % 3), category, 100 + i)
                    .path("id").asString();
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Sends a request (a first one: nothing of it is cached) and answers how many statements it sent. */
    private int statements(String path) {
        String requestId = UUID.randomUUID().toString();
        HttpResponse<String> response = get(url(path), "X-Request-Id", requestId);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return counter.statementsOf(requestId);
    }

    @Test
    void listingCostsTheSameForAnyPageSize() {
        int small = statements("/api/v1/products?category=" + categorySlug + "&limit=2");
        int large = statements("/api/v1/products?category=" + categorySlug + "&limit=12");
        assertThat(small).isEqualTo(large).isEqualTo(2); // the category subtree, the page
        assertThat(statements("/api/v1/products?category=" + categorySlug + "&limit=5&sort=price_desc&brand=Brand1")).isEqualTo(2);
        assertThat(statements("/api/v1/products?q=counted&limit=3")).isEqualTo(1); // matches exactly
        assertThat(statements("/api/v1/products?q=cuonted&limit=3")).isEqualTo(2); // nothing exact, then by similarity
    }

    @Test
    void aCachedPageCostsNoStatement() {
        String listing = "/api/v1/products?category=" + categorySlug + "&limit=4";
        assertThat(statements(listing)).isEqualTo(2);
        assertThat(statements(listing)).isZero();
        assertThat(statements("/api/v1/products/" + productId)).isEqualTo(3);
        assertThat(statements("/api/v1/products/" + productId)).isZero();
    }

    @Test
    void productDetailAndFacetsAndTreeCostFixedStatements() {
        assertThat(statements("/api/v1/products/" + productId)).isEqualTo(3); // product and category, variants, images
        assertThat(statements("/api/v1/products/facets?category=" + categorySlug)).isEqualTo(2);
        assertThat(statements("/api/v1/categories")).isEqualTo(1); // setUp changed the tree, so it is not cached
    }
}
