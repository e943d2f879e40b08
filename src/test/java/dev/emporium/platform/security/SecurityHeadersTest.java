package dev.emporium.platform.security;

import static dev.emporium.support.TestHttp.get;
import static dev.emporium.support.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.emporium.support.Accounts;
import dev.emporium.support.IntegrationTest;
import dev.emporium.support.TestHttp;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

@IntegrationTest
@TestPropertySource(properties = "emporium.http.cors-allowed-origins=https://shop.example")
class SecurityHeadersTest {

    @LocalServerPort
    int port;

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Test
    void authenticatedResponsesAreNeverCachedAndNotSniffed() {
        Accounts.SignedIn customer = new Accounts(url("")).newCustomer();
        HttpResponse<String> response = get(url("/api/v1/me"), customer.bearer());

        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void corsAllowsOnlyTheConfiguredOrigins() {
        HttpResponse<String> allowed = TestHttp.send(TestHttp.request(url("/api/v1/me"),
                "Origin", "https://shop.example", "Access-Control-Request-Method", "GET",
                "Access-Control-Request-Headers", "authorization").method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://shop.example");

        HttpResponse<String> refused = TestHttp.send(TestHttp.request(url("/api/v1/me"),
                "Origin", "https://evil.example", "Access-Control-Request-Method", "GET")
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void openApiDeclaresCredentialsAndSharedResponses() {
        JsonNode spec = json(get(url("/v3/api-docs")));
        assertThat(spec.path("components").path("securitySchemes").has("bearer")).isTrue();
        assertThat(spec.path("components").path("securitySchemes").path("apiKey").path("name").asString()).isEqualTo("X-Api-Key");
        JsonNode me = spec.path("paths").path("/api/v1/me").path("get").path("responses");
        assertThat(me.has("401")).isTrue();
        assertThat(me.has("429")).isTrue();
        assertThat(me.has("503")).isTrue();
    }
}
