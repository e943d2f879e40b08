package dev.emporium.catalog;

import static dev.emporium.support.TestHttp.get;
import static dev.emporium.support.TestHttp.json;
import static dev.emporium.support.TestHttp.post;
import static dev.emporium.support.TestHttp.request;
import static dev.emporium.support.TestHttp.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.emporium.support.Accounts;
import dev.emporium.support.Catalog;
import dev.emporium.support.IntegrationTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class CatalogAdminTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Accounts accounts;
    Catalog catalog;

    @BeforeEach
    void setUp() {
        accounts = new Accounts(url(""));
        catalog = Catalog.as(url(""), accounts.admin());
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private HttpResponse<String> put(String path, String body, String... headers) {
        return send(request(url(path), catalog.with(headers)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String productBody(String slug, String title) {
        return """
                {"slug":"%s","title":"%s","brand":"Acme","attributes":{"colour":"red"}}""".formatted(slug, title);
    }

    @Test
    void createdProductCarriesItsVersionAsETag() {
        String slug = Catalog.unique();
        JsonNode product = catalog.draft(slug, "Kettle", "Acme", null, 2999, "{\"colour\":\"red\"}", "Boils water.");
        assertThat(product.path("status").asString()).isEqualTo("DRAFT");
        assertThat(product.path("priceFrom").path("amount").asLong()).isEqualTo(2999);

        HttpResponse<String> read = get(url("/api/v1/admin/catalog/products/" + product.path("id").asString()), catalog.staff());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("ETag")).contains("\"v" + product.path("version").asInt() + "\"");
        assertThat(json(read).path("variants").get(0).path("sku").asString()).isEqualTo(slug.toUpperCase());
    }

    @Test
    void staleIfMatchGets412() {
        JsonNode product = catalog.draft(Catalog.unique(), "Lamp", "Acme", null, 1500, "{}", "Light.");
        String path = "/api/v1/admin/catalog/products/" + product.path("id").asString();
        String etag = "\"v" + product.path("version").asInt() + "\"";

        HttpResponse<String> first = put(path, productBody(product.path("slug").asString(), "Desk lamp"), "If-Match", etag);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);

        HttpResponse<String> second = put(path, productBody(product.path("slug").asString(), "Floor lamp"), "If-Match", etag);
        assertThat(second.statusCode()).isEqualTo(412);
        assertThat(second.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(json(get(url(path), catalog.staff())).path("title").asString()).isEqualTo("Desk lamp");
    }

    @Test
    void updateWithoutIfMatchGets428() {
        JsonNode product = catalog.draft(Catalog.unique(), "Mug", "Acme", null, 900, "{}", "Holds tea.");
        HttpResponse<String> response = put("/api/v1/admin/catalog/products/" + product.path("id").asString(),
                productBody(product.path("slug").asString(), "Big mug"));
        assertThat(response.statusCode()).isEqualTo(428);
        HttpResponse<String> garbage = put("/api/v1/admin/catalog/products/" + product.path("id").asString(),
                productBody(product.path("slug").asString(), "Big mug"), "If-Match", "not-an-etag");
        assertThat(garbage.statusCode()).isEqualTo(412);
    }

    @Test
    void publishingNeedsAVariant() {
        HttpResponse<String> created = post(url("/api/v1/admin/catalog/products"), "application/json",
                productBody(Catalog.unique(), "Empty"), catalog.staff());
        JsonNode product = json(created);
        HttpResponse<String> published = post(url("/api/v1/admin/catalog/products/" + product.path("id").asString() + "/publish"),
                "application/json", "", catalog.with("If-Match", "\"v0\""));
        assertThat(published.statusCode()).isEqualTo(409);
        assertThat(json(published).path("type").asString()).endsWith("/no-variants");
    }

    @Test
    void invalidProductIsRefusedFieldByField() {
        HttpResponse<String> response = post(url("/api/v1/admin/catalog/products"), "application/json", """
                {"slug":"../etc/passwd","title":"","variants":[{"sku":"ok-1","price":{"amount":-5,"currency":"eur"}}]}""",
                catalog.staff());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("errors").valueStream().map(error -> error.path("field").asString()))
                .contains("slug", "title", "variants[0].price.amount", "variants[0].price.currency");
    }

    @Test
    void aNulCharacterInProductOrCategoryTextIsRefusedFieldByField() {
        String slug = Catalog.unique();
        HttpResponse<String> product = post(url("/api/v1/admin/catalog/products"), "application/json", """
                {"slug":"%s","title":"Kettle\\u0000","description":"Boils.\\u0000","brand":"\\u0000",
                 "attributes":{"colour":"\\u0000"},"images":[{"url":"https://images.example.com/a\\u0000.jpg","alt":"\\u0000"}]}"""
                .formatted(slug), catalog.staff());
        assertValidationFailed(product);
        assertThat(json(product).path("errors").valueStream().map(error -> error.path("field").asString()))
                .hasSize(6).contains("title", "description", "brand", "images[0].url", "images[0].alt");
        assertThat(jdbc.sql("SELECT count(*) FROM products WHERE slug = :slug").param("slug", slug).query(Long.class).single())
                .isZero();

        HttpResponse<String> category = post(url("/api/v1/admin/catalog/categories"), "application/json", """
                {"slug":"%s","name":"Kitchen\\u0000"}""".formatted(Catalog.unique()), catalog.staff());
        assertValidationFailed(category);
        assertThat(json(category).path("errors").get(0).path("field").asString()).isEqualTo("name");

        HttpResponse<String> lines = post(url("/api/v1/admin/catalog/products"), "application/json", """
                {"slug":"%s","title":"Kettle","description":"Boils.\\n\\tQuickly."}""".formatted(Catalog.unique()),
                catalog.staff());
        assertThat(lines.statusCode()).as("a description keeps its line breaks and tabs: " + lines.body()).isEqualTo(201);
    }

    @Test
    void aFractionForAWholeNumberIs400NamingTheField() {
        String slug = Catalog.unique();
        HttpResponse<String> response = post(url("/api/v1/admin/catalog/products"), "application/json", """
                {"slug":"%s","title":"Kettle","variants":[{"sku":"%s","price":{"amount":19.99,"currency":"EUR"}}]}"""
                .formatted(slug, slug.toUpperCase()), catalog.staff());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.path("type").asString()).isEqualTo("https://emporium.dev/problems/malformed-body");
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("variants[0].price.amount");
        assertThat(problem.path("errors").get(0).path("message").asString()).isEqualTo("must be a whole number");
        assertThat(jdbc.sql("SELECT count(*) FROM products WHERE slug = :slug").param("slug", slug).query(Long.class).single())
                .as("not stored as 19").isZero();
    }

    private static void assertValidationFailed(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).path("type").asString()).isEqualTo("https://emporium.dev/problems/validation-failed");
    }

    @Test
    void duplicateSlugOrSkuIsAConflictAndWrongCurrencyUnprocessable() {
        String slug = Catalog.unique();
        catalog.draft(slug, "Chair", "Acme", null, 4000, "{}", "Sit.");
        HttpResponse<String> sameSlug = post(url("/api/v1/admin/catalog/products"), "application/json",
                productBody(slug, "Other chair"), catalog.staff());
        assertThat(sameSlug.statusCode()).isEqualTo(409);

        HttpResponse<String> sameSku = post(url("/api/v1/admin/catalog/products"), "application/json", """
                {"slug":"%s","title":"Stool","variants":[{"sku":"%s","price":{"amount":100,"currency":"EUR"}}]}"""
                .formatted(Catalog.unique(), slug.toUpperCase()), catalog.staff());
        assertThat(sameSku.statusCode()).isEqualTo(409);
        assertThat(json(sameSku).path("type").asString()).endsWith("/sku-taken");

        HttpResponse<String> dollars = post(url("/api/v1/admin/catalog/products"), "application/json", """
                {"slug":"%s","title":"Stool","variants":[{"sku":"%s","price":{"amount":100,"currency":"USD"}}]}"""
                .formatted(Catalog.unique(), Catalog.unique()), catalog.staff());
        assertThat(dollars.statusCode()).isEqualTo(422);
    }

    @Test
    void customersCannotAdministerTheCatalogButCatalogManagersCan() {
        Accounts.SignedIn customer = accounts.newCustomer();
        assertThat(post(url("/api/v1/admin/catalog/products"), "application/json", productBody(Catalog.unique(), "X"),
                customer.bearer()).statusCode()).isEqualTo(403);
        assertThat(post(url("/api/v1/admin/catalog/products"), "application/json", productBody(Catalog.unique(), "X"))
                .statusCode()).isEqualTo(401);

        String email = Accounts.uniqueEmail();
        HttpResponse<String> staff = post(url("/api/v1/admin/staff"), "application/json", """
                {"email":"%s","password":"%s","roles":["CATALOG_MANAGER"]}""".formatted(email, Accounts.PASSWORD),
                catalog.staff());
        assertThat(staff.statusCode()).as(staff.body()).isEqualTo(201);
        Accounts.SignedIn manager = accounts.signIn(email, Accounts.PASSWORD);
        assertThat(post(url("/api/v1/admin/catalog/products"), "application/json", productBody(Catalog.unique(), "X"),
                manager.bearer()).statusCode()).isEqualTo(201);
        assertThat(post(url("/api/v1/admin/keys/rotate"), "application/json", "", manager.bearer()).statusCode()).isEqualTo(403);
    }

    @Test
    void categoriesCannotBeMovedBelowThemselves() {
        String root = catalog.category(Catalog.unique(), null);
        String child = catalog.category(Catalog.unique(), root);
        JsonNode rootNow = json(get(url("/api/v1/admin/catalog/categories/" + root), catalog.staff()));
        HttpResponse<String> loop = put("/api/v1/admin/catalog/categories/" + root, """
                {"slug":"%s","name":"Loop","parentId":"%s"}""".formatted(rootNow.path("slug").asString(), child),
                "If-Match", "\"v" + rootNow.path("version").asInt() + "\"");
        assertThat(loop.statusCode()).isEqualTo(422);
    }

    @Test
    void importReportsBadLinesAndImportsEveryGoodLineWhole() {
        String good = Catalog.unique();
        String badPrice = Catalog.unique();
        String body = String.join("\n",
                """
                {"product":{"slug":"%s","title":"Imported kettle","brand":"Acme","variants":[{"sku":"%s","price":{"amount":1999,"currency":"EUR"}}]},"status":"PUBLISHED"}"""
                        .formatted(good, good.toUpperCase()),
                "{not json",
                """
                {"product":{"slug":"%s","title":"Half","variants":[{"sku":"%s-A","price":{"amount":100,"currency":"EUR"}},{"sku":"%s-B","price":{"amount":-1,"currency":"EUR"}}]}}"""
                        .formatted(badPrice, badPrice, badPrice),
                "");
        HttpResponse<String> response = post(url("/api/v1/admin/catalog/products/import"), "application/x-ndjson", body,
                catalog.staff());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        JsonNode report = json(response);
        assertThat(report.path("created").asInt()).isEqualTo(1);
        assertThat(report.path("failed").asInt()).isEqualTo(2);
        assertThat(report.path("errors").valueStream().map(error -> error.path("line").asInt())).containsExactly(2, 3);
        assertThat(report.path("errors").get(1).path("errors").get(0).path("field").asString())
                .isEqualTo("variants[1].price.amount");

        assertThat(jdbc.sql("SELECT status FROM products WHERE slug = :slug").param("slug", good).query(String.class).single())
                .isEqualTo("published");
        assertThat(jdbc.sql("SELECT count(*) FROM products WHERE slug = :slug").param("slug", badPrice).query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM product_variants WHERE sku LIKE :sku").param("sku", badPrice + "%")
                .query(Long.class).single()).isZero();

        HttpResponse<String> again = post(url("/api/v1/admin/catalog/products/import"), "application/x-ndjson", body.lines()
                .findFirst().orElseThrow(), catalog.staff());
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(json(again).path("updated").asInt()).isEqualTo(1);
    }

    @Test
    void aNullLineIsReportedAsAnInvalidLineAndTheOthersAreImported() {
        String before = Catalog.unique();
        String after = Catalog.unique();
        String line = """
                {"product":{"slug":"%s","title":"Imported","variants":[{"sku":"%s","price":{"amount":100,"currency":"EUR"}}]}}""";
        String body = String.join("\n", line.formatted(before, before.toUpperCase()), "null", line.formatted(after, after.toUpperCase()));

        HttpResponse<String> response = post(url("/api/v1/admin/catalog/products/import"), "application/x-ndjson", body,
                catalog.staff());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode report = json(response);
        assertThat(report.path("type").asString()).isEqualTo("https://emporium.dev/problems/import-lines-failed");
        assertThat(report.path("created").asInt()).isEqualTo(2);
        assertThat(report.path("failed").asInt()).isEqualTo(1);
        assertThat(report.path("errors").get(0).path("line").asInt()).isEqualTo(2);
        assertThat(report.path("errors").get(0).path("errors").get(0).path("message").asString()).contains("null");
    }
}
