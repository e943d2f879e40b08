package dev.emporium.catalog;

import static dev.emporium.support.TestHttp.json;
import static dev.emporium.support.TestHttp.post;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
@Import(StatementCounter.class)
class GraphQlTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PAGE = """
            query Page($category: String!, $first: Int!) {
              products(filter: {category: $category}, sort: PRICE_ASC, first: $first) {
                edges { cursor node { id slug title brand priceFrom { amount currency } attributes { name value }
                        variants { sku price { amount } options { name value } } images { url }
                        category { slug children { slug } } } }
                pageInfo { hasNextPage endCursor }
              }
            }""";

    /** About 16 fields per product: a page of 100 costs about 1,700 of the 5,000 a query may cost. */
    private static final String COSTLY = "{ edges { node { id slug title variants { sku options { name } } images { url } category { slug children { slug } } } } }";

    @LocalServerPort
    int port;

    @Autowired
    StatementCounter counter;

    Catalog catalog;
    String categoryId;
    String categorySlug;
    String firstSlug;

    @BeforeEach
    void setUp() {
        catalog = Catalog.as(url(""), new Accounts(url("")).admin());
        categorySlug = Catalog.unique();
        categoryId = catalog.category(categorySlug, null);
        catalog.category(Catalog.unique(), categoryId);
        for (int i = 0; i < 12; i++) {
            String slug = Catalog.unique();
            if (i == 0) {
                firstSlug = slug;
            }
            catalog.publish(catalog.draft(slug, "Graph item " + i, "Acme", categoryId, 100 + i, "{\"colour\":\"green\"}", "Nested."));
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private HttpResponse<String> graphQl(String query, Object variables, String... headers) {
        String body = JSON.writeValueAsString(java.util.Map.of("query", query, "variables", variables));
        return post(url("/graphql"), "application/json", body, headers);
    }

    private int statementsForPage(int first) {
        String requestId = UUID.randomUUID().toString();
        HttpResponse<String> response = graphQl(PAGE, java.util.Map.of("category", categorySlug, "first", first),
                "X-Request-Id", requestId);
        JsonNode page = json(response).path("data").path("products");
        assertThat(page.path("edges").size()).as(response.body()).isEqualTo(first);
        return counter.statementsOf(requestId);
    }

    @Test
    void aPageOfProductsWithNestedFieldsCostsAFixedNumberOfStatements() {
        int small = statementsForPage(2);
        int large = statementsForPage(12);
        // category subtree, page, variants, images, category tree
        assertThat(small).isEqualTo(large).isEqualTo(5);
    }

    @Test
    void aRepeatedQueryIsAnsweredFromTheCacheUntilTheCatalogChanges() {
        java.util.Map<String, Object> variables = java.util.Map.of("category", categorySlug, "first", 3);
        String missId = UUID.randomUUID().toString();
        HttpResponse<String> miss = graphQl(PAGE, variables, "X-Request-Id", missId);
        String hitId = UUID.randomUUID().toString();
        HttpResponse<String> hit = graphQl(PAGE, variables, "X-Request-Id", hitId);

        assertThat(counter.statementsOf(missId)).isEqualTo(5);
        assertThat(counter.statementsOf(hitId)).isZero();
        assertThat(json(hit)).isEqualTo(json(miss));

        catalog.published(Catalog.unique(), "Graph item cheapest", "Acme", categoryId, 50);
        String afterChangeId = UUID.randomUUID().toString();
        JsonNode afterChange = json(graphQl(PAGE, variables, "X-Request-Id", afterChangeId));
        assertThat(counter.statementsOf(afterChangeId)).isEqualTo(5);
        assertThat(afterChange.path("data").path("products").path("edges").get(0).path("node").path("title").asString())
                .isEqualTo("Graph item cheapest");
    }

    @Test
    void productsAreACursorConnection() {
        JsonNode first = json(graphQl(PAGE, java.util.Map.of("category", categorySlug, "first", 5))).path("data").path("products");
        assertThat(first.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
        JsonNode node = first.path("edges").get(0).path("node");
        assertThat(node.path("slug").asString()).isEqualTo(firstSlug);
        assertThat(node.path("variants").get(0).path("price").path("amount").asLong()).isEqualTo(100);
        assertThat(node.path("attributes").get(0).path("value").asString()).isEqualTo("green");
        assertThat(node.path("category").path("children")).hasSize(1);

        String next = """
                query Next($category: String!, $after: String!) {
                  products(filter: {category: $category}, sort: PRICE_ASC, first: 5, after: $after) { edges { node { title } } }
                }""";
        JsonNode second = json(graphQl(next, java.util.Map.of("category", categorySlug,
                "after", first.path("pageInfo").path("endCursor").asString()))).path("data").path("products");
        assertThat(second.path("edges").get(0).path("node").path("title").asString()).isEqualTo("Graph item 5");
    }

    @Test
    void productBySlugAndSearch() {
        JsonNode product = json(graphQl("query($slug: String!) { product(slug: $slug) { title images { url } } }",
                java.util.Map.of("slug", firstSlug))).path("data").path("product");
        assertThat(product.path("title").asString()).isEqualTo("Graph item 0");
        JsonNode missing = json(graphQl("{ product(id: \"not-an-id\") { title } }", java.util.Map.of()));
        assertThat(missing.path("data").path("product").isNull()).as(missing.toString()).isTrue();

        JsonNode found = json(graphQl("{ search(query: \"graph item\", filter: {category: \"%s\"}, first: 3) { edges { node { slug } } } }"
                .formatted(categorySlug), java.util.Map.of())).path("data").path("search");
        assertThat(found.path("edges").size()).as(found.toString().substring(0, Math.min(300, found.toString().length()))).isEqualTo(3);
    }

    @Test
    void graphQlDepthLimitRejects() {
        String deep = "{ categories { " + "children { ".repeat(50) + "slug" + " }".repeat(50) + " } }";
        graphQl(deep, java.util.Map.of());
        HttpResponse<String> response = graphQl(deep, java.util.Map.of()); // a second time, from the parsed-query cache
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("errors").get(0).path("message").asString()).containsIgnoringCase("depth");
        assertThat(json(response).path("data").isMissingNode() || json(response).path("data").isNull()).isTrue();
    }

    @Test
    void aNulCharacterInAnArgumentIsABadRequest() {
        String[] queries = {
            "{ product(slug: \"\\u0000\") { id } }",
            "{ search(query: \"\\u0000\") { edges { node { id } } } }",
            "{ search(query: \"kettle\", filter: {brands: [\"\\u0000\"]}) { edges { node { id } } } }",
            "{ products(filter: {attributes: [{name: \"colour\", value: \"\\u0000\"}]}) { edges { node { id } } } }"
        };
        for (String query : queries) {
            HttpResponse<String> response = graphQl(query, java.util.Map.of());
            assertThat(response.statusCode()).as(query).isEqualTo(200);
            JsonNode errors = json(response).path("errors");
            assertThat(errors.size()).as(query + " -> " + response.body()).isEqualTo(1);
            assertThat(errors.get(0).path("extensions").path("classification").asString()).as(response.body())
                    .isEqualTo("BAD_REQUEST");
        }
    }

    @Test
    void aPageSizeThatOverflowsTheCostCountsAgainstTheLimit() {
        // 2^30 items costing 3 each: a 32-bit int wraps round to below zero, which would pay for the other pages.
        StringBuilder query = new StringBuilder("{ overflow: products(first: 1073741824) { edges { cursor } }");
        for (int i = 0; i < 10; i++) {
            query.append(" page").append(i).append(": products(first: 100) ").append(COSTLY);
        }
        HttpResponse<String> response = graphQl(query.append(" }").toString(), java.util.Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = json(response);
        assertThat(answer.path("errors").get(0).path("message").asString()).as(response.body()).contains("complexity");
        assertThat(answer.path("data").isMissingNode() || answer.path("data").isNull()).as(response.body()).isTrue();
    }

    @Test
    void aListWithoutFirstCostsTheDefaultPageSize() {
        // 20 products a page by default, 16 fields each: 16 such lists cost 5,120 of the 5,000 allowed.
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < 16; i++) {
            query.append(" page").append(i).append(": products ").append(COSTLY);
        }
        HttpResponse<String> response = graphQl(query.append(" }").toString(), java.util.Map.of());

        assertThat(json(response).path("errors").get(0).path("message").asString()).as(response.body()).contains("complexity");
    }

    @Test
    void badQueriesAreGraphQlErrorsNotServerErrors() {
        String[] queries = {
            "{ products { edges { node { nosuchfield } } } }",
            "{ products(first: 0) { edges { node { id } } } }",
            "{ products(first: 1000000000) { edges { node { id } } } }",
            "{ products(after: \"tampered\") { edges { node { id } } } }",
            "{ products(filter: {minPrice: \"cheap\"}) { edges { node { id } } } }",
            "{ search(query: \"" + "x".repeat(300) + "\") { edges { node { id } } } }",
            "{ product(id: \"1\", slug: \"both\") { id } }",
            "{ a: products(first: 100) " + COSTLY + " b: products(first: 100) " + COSTLY + " c: products(first: 100) " + COSTLY
                    + " d: products(first: 100) " + COSTLY + " }",
            "{ products { edges { node { id } } "
        };
        // Twice each: the second time the query's parsed form comes from a cache, and the limits must hold still.
        for (String query : java.util.stream.Stream.of(queries, queries).flatMap(java.util.Arrays::stream).toList()) {
            HttpResponse<String> response = graphQl(query, java.util.Map.of());
            assertThat(response.statusCode()).as(query).isLessThan(500);
            JsonNode errors = json(response).path("errors");
            assertThat(errors.isArray() && !errors.isEmpty()).as(query + " -> " + response.body().substring(0, Math.min(300, response.body().length()))).isTrue();
            assertThat(errors.get(0).path("extensions").path("classification").asString()).as(response.body())
                    .isNotEqualTo("INTERNAL_ERROR");
        }
    }
}
