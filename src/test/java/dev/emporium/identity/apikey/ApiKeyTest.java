package dev.emporium.identity.apikey;

import static dev.emporium.support.TestHttp.get;
import static dev.emporium.support.TestHttp.json;
import static dev.emporium.support.TestHttp.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.emporium.support.Accounts;
import dev.emporium.support.Accounts.SignedIn;
import dev.emporium.support.IntegrationTest;
import dev.emporium.support.TestHttp;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class ApiKeyTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApiKeys apiKeys;

    SignedIn admin;

    @BeforeEach
    void setUp() {
        admin = new Accounts("http://127.0.0.1:" + port).admin();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private JsonNode createKey(String name) {
        return createKey(name, "\"orders:read\",\"inventory:write\"");
    }

    private JsonNode createKey(String name, String scopes) {
        HttpResponse<String> created = post(url("/api/v1/admin/api-keys"), "application/json",
                "{\"name\":\"%s\",\"scopes\":[%s],\"plan\":\"partner\"}".formatted(name, scopes), admin.bearer());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created);
    }

    @Test
    void createdKeyAuthenticatesWithItsScopesAndIsShownOnce() {
        JsonNode created = createKey("warehouse sync");
        String key = created.path("key").asString();
        assertThat(key).startsWith("emp_" + created.path("apiKey").path("prefix").asString() + "_");

        JsonNode caller = json(get(url("/api/v1/auth/whoami"), "X-Api-Key", key));
        assertThat(caller.path("kind").asString()).isEqualTo("api_key");
        assertThat(caller.path("authorities").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("SCOPE_orders:read", "SCOPE_inventory:write");

        String listing = get(url("/api/v1/admin/api-keys"), admin.bearer()).body();
        assertThat(listing).contains(created.path("apiKey").path("id").asString()).doesNotContain(key.substring(20));
        byte[] stored = jdbc.sql("SELECT secret_hash FROM api_keys WHERE id = ?::uuid")
                .param(created.path("apiKey").path("id").asString()).query(byte[].class).single();
        assertThat(new String(stored)).doesNotContain(key.substring(20));
    }

    @Test
    void scopesOpenTheStaffRoutesTheyNameAndNoOthers() {
        String reader = createKey("fulfilment feed", "\"orders:read\"").path("key").asString();
        String warehouse = createKey("warehouse", "\"inventory:write\"").path("key").asString();
        String someVariant = "/api/v1/admin/inventory/" + UUID.randomUUID();

        assertThat(get(url("/api/v1/admin/orders"), "X-Api-Key", reader).statusCode()).isEqualTo(200);
        assertThat(post(url("/api/v1/admin/orders/" + UUID.randomUUID() + "/transitions"), "application/json",
                "{\"to\":\"shipped\"}", "X-Api-Key", reader).statusCode()).as("reading is not moving").isEqualTo(403);
        assertThat(get(url(someVariant), "X-Api-Key", reader).statusCode()).isEqualTo(403);
        assertThat(get(url("/api/v1/admin/catalog/products"), "X-Api-Key", reader).statusCode()).isEqualTo(403);
        assertThat(get(url("/api/v1/admin/api-keys"), "X-Api-Key", reader).statusCode()).isEqualTo(403);

        assertThat(get(url(someVariant), "X-Api-Key", warehouse).statusCode()).as("allowed, and no such variant").isEqualTo(404);
        assertThat(get(url("/api/v1/admin/orders"), "X-Api-Key", warehouse).statusCode()).isEqualTo(403);
    }

    @Test
    void anUnknownScopeIsRefused() {
        HttpResponse<String> refused = post(url("/api/v1/admin/api-keys"), "application/json",
                "{\"name\":\"typo\",\"scopes\":[\"order:read\"],\"plan\":\"partner\"}", admin.bearer());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).path("errors").get(0).path("field").asString()).isEqualTo("scopes");
    }

    @Test
    void aKeyIsNoAccount() {
        String key = createKey("reporting").path("key").asString();
        assertThat(get(url("/api/v1/customers/" + admin.id()), "X-Api-Key", key).statusCode()).isEqualTo(404);
        assertThat(get(url("/api/v1/me"), "X-Api-Key", key).statusCode()).isEqualTo(404);
    }

    @Test
    void wrongSecretOrUnknownKeyIs401() {
        String key = createKey("mistyped").path("key").asString();
        HttpResponse<String> wrong = get(url("/api/v1/auth/whoami"), "X-Api-Key", key.substring(0, key.length() - 3) + "xyz");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(get(url("/api/v1/auth/whoami"), "X-Api-Key", "emp_000000000000_nothing").statusCode()).isEqualTo(401);
        assertThat(get(url("/api/v1/auth/whoami"), "X-Api-Key", "' OR 1=1 --").statusCode()).isEqualTo(401);
    }

    @Test
    void revokedKeyStopsWorking() {
        JsonNode created = createKey("retired partner");
        String key = created.path("key").asString();
        assertThat(get(url("/api/v1/auth/whoami"), "X-Api-Key", key).statusCode()).isEqualTo(200);

        HttpResponse<String> revoked = TestHttp.send(TestHttp.request(
                url("/api/v1/admin/api-keys/" + created.path("apiKey").path("id").asString()), admin.bearer()).DELETE());
        assertThat(revoked.statusCode()).isEqualTo(204);
        assertThat(get(url("/api/v1/auth/whoami"), "X-Api-Key", key).statusCode()).isEqualTo(401);
    }

    @Test
    void lastUseIsRecordedInBatchesNotPerRequest() {
        JsonNode created = createKey("busy client");
        String id = created.path("apiKey").path("id").asString();
        for (int i = 0; i < 5; i++) {
            assertThat(get(url("/api/v1/auth/whoami"), "X-Api-Key", created.path("key").asString()).statusCode()).isEqualTo(200);
        }
        String neverUsed = "SELECT last_used_at IS NULL FROM api_keys WHERE id = ?::uuid";
        assertThat(jdbc.sql(neverUsed).param(id).query(Boolean.class).single()).isTrue();

        apiKeys.recordLastUse();

        assertThat(jdbc.sql(neverUsed).param(id).query(Boolean.class).single()).isFalse();
    }

    @Test
    void customersCannotManageKeys() {
        SignedIn customer = new Accounts("http://127.0.0.1:" + port).newCustomer();
        assertThat(get(url("/api/v1/admin/api-keys"), customer.bearer()).statusCode()).isEqualTo(403);
    }
}
