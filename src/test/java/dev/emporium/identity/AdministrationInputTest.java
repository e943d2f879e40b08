package dev.emporium.identity;

import static dev.emporium.support.TestHttp.assertProblem;
import static dev.emporium.support.TestHttp.get;
import static dev.emporium.support.TestHttp.json;
import static dev.emporium.support.TestHttp.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.emporium.support.Accounts;
import dev.emporium.support.IntegrationTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class AdministrationInputTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Accounts accounts;
    Accounts.SignedIn admin;

    @BeforeEach
    void setUp() {
        accounts = new Accounts(url(""));
        admin = accounts.admin();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }


    private long keysNamed(String name) {
        return jdbc.sql("SELECT count(*) FROM api_keys WHERE name = :name").param("name", name).query(Long.class).single();
    }

    @Test
    void aNullScopeIs400AndWritesNothing() {
        String name = "null scope " + System.nanoTime();
        HttpResponse<String> refused = post(url("/api/v1/admin/api-keys"), "application/json",
                "{\"name\":\"%s\",\"plan\":\"partner\",\"scopes\":[null]}".formatted(name), admin.bearer());

        assertProblem(refused, 400, "validation-failed");
        assertThat(json(refused).path("errors").get(0).path("field").asString()).startsWith("scopes");
        assertThat(keysNamed(name)).isZero();
        assertThat(get(url("/api/v1/admin/api-keys"), admin.bearer()).statusCode()).isEqualTo(200);
    }

    @Test
    void aNulCharacterInAKeyNameIs400() {
        HttpResponse<String> refused = post(url("/api/v1/admin/api-keys"), "application/json",
                "{\"name\":\"feed\\u0000\",\"plan\":\"partner\",\"scopes\":[]}", admin.bearer());

        assertProblem(refused, 400, "validation-failed");
        assertThat(json(refused).path("errors").get(0).path("field").asString()).isEqualTo("name");
    }

    @Test
    void aNullRoleIs400AndCreatesNoAccount() {
        String email = Accounts.uniqueEmail();
        HttpResponse<String> refused = post(url("/api/v1/admin/staff"), "application/json", """
                {"email":"%s","password":"%s","roles":[null]}""".formatted(email, Accounts.PASSWORD), admin.bearer());

        assertProblem(refused, 400, "validation-failed");
        assertThat(json(refused).path("errors").get(0).path("field").asString()).startsWith("roles");
        assertThat(jdbc.sql("SELECT count(*) FROM accounts WHERE email = :email").param("email", email)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aNulCharacterInANameIsRefusedBeforeAnythingIsWritten() {
        String email = Accounts.uniqueEmail();
        HttpResponse<String> refused = post(url("/api/v1/auth/register"), "application/json",
                "{\"email\":\"%s\",\"password\":\"%s\",\"name\":\"Ann\\u0000\"}".formatted(email, Accounts.PASSWORD));

        assertProblem(refused, 400, "validation-failed");
        assertThat(json(refused).path("errors").get(0).path("field").asString()).isEqualTo("name");
        assertThat(jdbc.sql("SELECT count(*) FROM accounts WHERE email = :email").param("email", email)
                .query(Long.class).single()).isZero();
    }
}
