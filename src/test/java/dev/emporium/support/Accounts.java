package dev.emporium.support;

import static dev.emporium.support.TestHttp.json;
import static dev.emporium.support.TestHttp.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Creates customers and signs them in over the real API. */
public record Accounts(String baseUrl) {

    public static final String PASSWORD = "correct-horse-battery-9";

    public record SignedIn(String id, String email, String accessToken, String refreshToken) {
        public String[] bearer() {
            return new String[] {"Authorization", "Bearer " + accessToken};
        }
    }

    public static String uniqueEmail() {
        return "shopper-" + UUID.randomUUID() + "@example.com";
    }

    public String register(String email) {
        HttpResponse<String> response = post(baseUrl + "/api/v1/auth/register", "application/json",
                "{\"email\":\"%s\",\"password\":\"%s\",\"name\":\"Shopper\"}".formatted(email, PASSWORD));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).path("id").asString();
    }

    public HttpResponse<String> login(String email, String password) {
        return post(baseUrl + "/api/v1/auth/login", "application/json",
                "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password));
    }

    public SignedIn signIn(String email, String password) {
        HttpResponse<String> response = login(email, password);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode tokens = json(response);
        String id = json(TestHttp.get(baseUrl + "/api/v1/me", "Authorization", "Bearer " + tokens.path("accessToken").asString()))
                .path("id").asString();
        return new SignedIn(id, email, tokens.path("accessToken").asString(), tokens.path("refreshToken").asString());
    }

    public SignedIn newCustomer() {
        String email = uniqueEmail();
        register(email);
        return signIn(email, PASSWORD);
    }

    public SignedIn admin() {
        return signIn(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD);
    }

    public HttpResponse<String> refresh(String refreshToken) {
        return post(baseUrl + "/api/v1/auth/refresh", "application/json", "{\"refreshToken\":\"%s\"}".formatted(refreshToken));
    }
}
