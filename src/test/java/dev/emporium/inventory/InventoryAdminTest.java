package dev.emporium.inventory;

import static dev.emporium.support.TestHttp.assertProblem;
import static dev.emporium.support.TestHttp.get;
import static dev.emporium.support.TestHttp.json;
import static dev.emporium.support.TestHttp.post;
import static dev.emporium.support.TestHttp.request;
import static dev.emporium.support.TestHttp.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.emporium.support.Accounts;
import dev.emporium.support.Catalog;
import dev.emporium.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

@IntegrationTest
@Import(StockEvents.class)
class InventoryAdminTest {

    @LocalServerPort
    int port;

    @Autowired
    Inventory inventory;

    @Autowired
    TransactionTemplate transaction;

    Accounts accounts;
    Accounts.SignedIn admin;
    Catalog catalog;

    @BeforeEach
    void setUp() {
        accounts = new Accounts(url(""));
        admin = accounts.admin();
        catalog = Catalog.as(url(""), admin);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private String newVariant() {
        return catalog.draft(Catalog.unique(), "Stocked lamp", "Acme", null, 2500, "{}", "Light.")
                .path("variants").get(0).path("id").asString();
    }

    private HttpResponse<String> adjust(String variantId, String body, String... headers) {
        return post(url("/api/v1/admin/inventory/" + variantId + "/adjustments"), "application/json", body, headers);
    }

    private static HttpResponse<String> delete(String url, String... headers) {
        return send(request(url, headers).DELETE());
    }


    @Test
    void aVariantHeldForAnUnpaidOrderCannotBeDeletedUntilTheHoldEnds() {
        JsonNode product = catalog.draft(Catalog.unique(), "Held lamp", "Acme", null, 2500, "{}", "Light.");
        String variant = product.path("variants").get(0).path("id").asString();
        assertThat(adjust(variant, "{\"delta\": 2, \"reason\": \"delivery\"}", admin.bearer()).statusCode()).isEqualTo(200);
        UUID order = UUID.randomUUID();
        transaction.executeWithoutResult(status -> inventory.reserve(order,
                List.of(new StockLine(UUID.fromString(variant), 1)), Duration.ofMinutes(15)));
        String variantUrl = url("/api/v1/admin/catalog/products/" + product.path("id").asString() + "/variants/" + variant);

        assertProblem(delete(variantUrl, catalog.with("If-Match", "\"v" + product.path("version").asInt() + "\"")), 409, "variant-held");
        assertThat(inventory.available(List.of(UUID.fromString(variant)))).as("the hold is intact").containsEntry(UUID.fromString(variant), 1);

        inventory.release(order, "cancelled");
        HttpResponse<String> deleted = delete(variantUrl, catalog.with("If-Match", "\"v" + product.path("version").asInt() + "\""));
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
    }

    @Test
    void adjustmentRecordsWhoWhenAndWhy() {
        String variant = newVariant();
        Instant before = Instant.now().minusSeconds(5);

        HttpResponse<String> counted = adjust(variant, "{\"delta\": 12, \"reason\": \"  delivery 4711  \"}", admin.bearer());
        assertThat(counted.statusCode()).as(counted.body()).isEqualTo(200);
        HttpResponse<String> damaged = adjust(variant, "{\"delta\": -3, \"reason\": \"damaged in warehouse\"}", admin.bearer());
        assertThat(damaged.statusCode()).as(damaged.body()).isEqualTo(200);

        HttpResponse<String> read = get(url("/api/v1/admin/inventory/" + variant), admin.bearer());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("ETag")).isEqualTo(damaged.headers().firstValue("ETag")).isPresent();
        JsonNode stock = json(read);
        assertThat(stock.path("onHand").asInt()).isEqualTo(9);
        assertThat(stock.path("reserved").asInt()).isZero();
        assertThat(stock.path("available").asInt()).isEqualTo(9);
        JsonNode latest = stock.path("adjustments").get(0);
        assertThat(latest.path("delta").asInt()).isEqualTo(-3);
        assertThat(latest.path("onHandAfter").asInt()).isEqualTo(9);
        assertThat(latest.path("reason").asString()).isEqualTo("damaged in warehouse");
        assertThat(latest.path("actor").asString()).isEqualTo(admin.id());
        assertThat(Instant.parse(latest.path("at").asString())).isAfter(before);
        assertThat(stock.path("adjustments").get(1).path("reason").asString()).isEqualTo("delivery 4711");
    }

    @Test
    void adjustmentNeverLeavesLessOnHandThanReserved() {
        String variant = newVariant();
        assertProblem(adjust(variant, "{\"delta\": -1, \"reason\": \"miscount\"}", admin.bearer()), 409, "insufficient-stock");

        assertThat(adjust(variant, "{\"delta\": 5, \"reason\": \"delivery\"}", admin.bearer()).statusCode()).isEqualTo(200);
        transaction.executeWithoutResult(status -> inventory.reserve(UUID.randomUUID(),
                List.of(new StockLine(UUID.fromString(variant), 3)), Duration.ofMinutes(15)));

        assertProblem(adjust(variant, "{\"delta\": -3, \"reason\": \"lost\"}", admin.bearer()), 409, "insufficient-stock");
        HttpResponse<String> allowed = adjust(variant, "{\"delta\": -2, \"reason\": \"lost\"}", admin.bearer());
        assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(200);
        assertThat(json(allowed).path("onHand").asInt()).isEqualTo(3);
        assertThat(json(allowed).path("available").asInt()).isZero();
        assertThat(json(allowed).path("adjustments")).hasSize(2);
    }

    @Test
    void unknownVariantIsNotFound() {
        String unknown = UUID.randomUUID().toString();
        assertProblem(get(url("/api/v1/admin/inventory/" + unknown), admin.bearer()), 404, "not-found");
        assertProblem(adjust(unknown, "{\"delta\": 1, \"reason\": \"found one\"}", admin.bearer()), 404, "not-found");
    }

    @Test
    void variantNobodyCountedHasNothingOnHand() {
        JsonNode stock = json(get(url("/api/v1/admin/inventory/" + newVariant()), admin.bearer()));
        assertThat(stock.path("onHand").asInt()).isZero();
        assertThat(stock.path("available").asInt()).isZero();
        assertThat(stock.path("adjustments")).isEmpty();
    }

    @Test
    void onlyStaffWhoRunTheCatalogMayAdjust() {
        String variant = newVariant();
        Accounts.SignedIn customer = accounts.newCustomer();
        String body = "{\"delta\": 1, \"reason\": \"mine now\"}";
        assertProblem(adjust(variant, body, customer.bearer()), 403, "forbidden");
        assertProblem(get(url("/api/v1/admin/inventory/" + variant), customer.bearer()), 403, "forbidden");
        assertThat(adjust(variant, body).statusCode()).isEqualTo(401);

        String email = Accounts.uniqueEmail();
        HttpResponse<String> staff = post(url("/api/v1/admin/staff"), "application/json", """
                {"email":"%s","password":"%s","roles":["CATALOG_MANAGER"]}""".formatted(email, Accounts.PASSWORD),
                admin.bearer());
        assertThat(staff.statusCode()).as(staff.body()).isEqualTo(201);
        Accounts.SignedIn manager = accounts.signIn(email, Accounts.PASSWORD);
        HttpResponse<String> adjusted = adjust(variant, "{\"delta\": 4, \"reason\": \"recount\"}", manager.bearer());
        assertThat(adjusted.statusCode()).as(adjusted.body()).isEqualTo(200);
        assertThat(json(adjusted).path("adjustments").get(0).path("actor").asString()).isEqualTo(manager.id());
    }

    @Test
    void badInputIsRefusedAsAProblem() {
        String variant = newVariant();
        assertThat(fieldsOf(adjust(variant, "{\"delta\": 0, \"reason\": \"nothing\"}", admin.bearer()))).containsExactly("delta");
        assertThat(fieldsOf(adjust(variant, "{\"delta\": 1000001, \"reason\": \"typo\"}", admin.bearer()))).containsExactly("delta");
        assertThat(fieldsOf(adjust(variant, "{\"delta\": -1000001, \"reason\": \"typo\"}", admin.bearer()))).containsExactly("delta");
        assertThat(fieldsOf(adjust(variant, "{\"delta\": 3}", admin.bearer()))).containsExactly("reason");
        assertThat(fieldsOf(adjust(variant, "{\"delta\": 3, \"reason\": \"   \"}", admin.bearer()))).containsExactly("reason");
        assertThat(fieldsOf(adjust(variant, "{\"delta\": 3, \"reason\": \"%s\"}".formatted("x".repeat(501)), admin.bearer())))
                .containsExactly("reason");
        assertThat(fieldsOf(adjust(variant, "{\"reason\": \"no delta\"}", admin.bearer()))).containsExactly("delta");

        assertProblem(adjust(variant, "{\"delta\": 99999999999, \"reason\": \"overflow\"}", admin.bearer()), 400, "malformed-body");
        assertProblem(adjust(variant, "{\"delta\": \"many\", \"reason\": \"words\"}", admin.bearer()), 400, "malformed-body");
        assertProblem(adjust(variant, "not json", admin.bearer()), 400, "malformed-body");
        assertProblem(adjust("not-a-uuid", "{\"delta\": 1, \"reason\": \"x\"}", admin.bearer()), 400, "bad-request");
        assertProblem(get(url("/api/v1/admin/inventory/not-a-uuid"), admin.bearer()), 400, "bad-request");

        assertThat(json(get(url("/api/v1/admin/inventory/" + variant), admin.bearer())).path("adjustments")).isEmpty();
    }

    private static List<String> fieldsOf(HttpResponse<String> response) {
        assertProblem(response, 400, "validation-failed");
        return json(response).path("errors").valueStream().map(error -> error.path("field").asString()).toList();
    }
}
