package dev.emporium.identity;

import static dev.emporium.support.TestHttp.assertProblem;
import static dev.emporium.support.TestHttp.get;
import static dev.emporium.support.TestHttp.json;
import static dev.emporium.support.TestHttp.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.emporium.support.Accounts;
import dev.emporium.support.Accounts.SignedIn;
import dev.emporium.support.IntegrationTest;
import dev.emporium.support.Logs;
import dev.emporium.support.TestHttp;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class AuthenticationFlowTest {

    @LocalServerPort
    int port;

    Accounts accounts;

    @BeforeEach
    void setUp() {
        accounts = new Accounts("http://127.0.0.1:" + port);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }


    @Test
    void registersSignsInAndReadsOwnProfile() {
        String email = Accounts.uniqueEmail();
        accounts.register(email.toUpperCase());

        SignedIn customer = accounts.signIn(email, Accounts.PASSWORD);
        JsonNode me = json(get(url("/api/v1/me"), customer.bearer()));

        assertThat(me.path("email").asString()).isEqualTo(email);
        assertThat(me.path("roles").get(0).asString()).isEqualTo("customer");
        assertThat(me.has("passwordHash")).isFalse();
    }

    @Test
    void emailsAreUniqueWhateverTheirCase() {
        String email = Accounts.uniqueEmail();
        accounts.register(email);
        HttpResponse<String> again = post(url("/api/v1/auth/register"), "application/json",
                "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email.toUpperCase(), Accounts.PASSWORD));
        assertProblem(again, 409, "email-taken");
    }

    @Test
    void weakPasswordIsRejectedWithTheField() {
        HttpResponse<String> response = post(url("/api/v1/auth/register"), "application/json",
                "{\"email\":\"%s\",\"password\":\"short1\"}".formatted(Accounts.uniqueEmail()));
        assertProblem(response, 400, "validation-failed");
        assertThat(json(response).path("errors").get(0).path("field").asString()).isEqualTo("password");
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsRejectedWithTheField() {
        String seventyThreeBytes = "Correct-horse-battery-staple-" + "x9".repeat(22);
        HttpResponse<String> response = post(url("/api/v1/auth/register"), "application/json",
                "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(Accounts.uniqueEmail(), seventyThreeBytes));
        assertProblem(response, 400, "validation-failed");
        assertThat(json(response).path("errors").get(0).path("field").asString()).isEqualTo("password");

        String seventyTwoInUmlauts = "Äöü-straße-".repeat(4) + "123456789012"; // 56 letters, 72 bytes in UTF-8
        HttpResponse<String> accepted = post(url("/api/v1/auth/register"), "application/json",
                "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(Accounts.uniqueEmail(), seventyTwoInUmlauts));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
    }

    @Test
    void loginAnswersAlikeForUnknownEmailAndWrongPassword() {
        SignedIn customer = accounts.newCustomer();
        HttpResponse<String> wrongPassword = accounts.login(customer.email(), "not-the-password-at-all");
        HttpResponse<String> unknownEmail = accounts.login(Accounts.uniqueEmail(), "not-the-password-at-all");

        assertProblem(wrongPassword, 401, "invalid-credentials");
        assertProblem(unknownEmail, 401, "invalid-credentials");
        assertThat(json(wrongPassword).path("detail")).isEqualTo(json(unknownEmail).path("detail"));
    }

    @Test
    void refreshRotatesTheToken() {
        SignedIn customer = accounts.newCustomer();
        HttpResponse<String> refreshed = accounts.refresh(customer.refreshToken());

        assertThat(refreshed.statusCode()).isEqualTo(200);
        JsonNode pair = json(refreshed);
        assertThat(pair.path("refreshToken").asString()).isNotEqualTo(customer.refreshToken());
        assertThat(get(url("/api/v1/me"), "Authorization", "Bearer " + pair.path("accessToken").asString()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void refreshTokenReuseRevokesFamily() {
        SignedIn customer = accounts.newCustomer();
        String second = json(accounts.refresh(customer.refreshToken())).path("refreshToken").asString();

        // The first token again: a replay. It fails, and so does the legitimate successor from then on.
        assertProblem(accounts.refresh(customer.refreshToken()), 401, "invalid-refresh-token");
        assertProblem(accounts.refresh(second), 401, "invalid-refresh-token");
    }

    @Test
    void logoutRevokesTheFamily() {
        SignedIn customer = accounts.newCustomer();
        HttpResponse<String> logout = post(url("/api/v1/auth/logout"), "application/json",
                "{\"refreshToken\":\"%s\"}".formatted(customer.refreshToken()));
        assertThat(logout.statusCode()).isEqualTo(204);
        assertProblem(accounts.refresh(customer.refreshToken()), 401, "invalid-refresh-token");
    }

    @Test
    void disabledCustomerCannotRefreshOrSignIn() {
        SignedIn customer = accounts.newCustomer();
        SignedIn admin = accounts.admin();

        HttpResponse<String> disabled = TestHttp.send(TestHttp.request(url("/api/v1/admin/customers/" + customer.id() + "/disable"),
                admin.bearer()).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(disabled.statusCode()).isEqualTo(204);

        assertProblem(accounts.refresh(customer.refreshToken()), 401, "invalid-refresh-token");
        assertProblem(accounts.login(customer.email(), Accounts.PASSWORD), 401, "invalid-credentials");
    }

    @Test
    void customerCannotReadAnotherCustomersProfile() {
        SignedIn ann = accounts.newCustomer();
        SignedIn bob = accounts.newCustomer();

        assertThat(get(url("/api/v1/customers/" + ann.id()), ann.bearer()).statusCode()).isEqualTo(200);
        assertProblem(get(url("/api/v1/customers/" + ann.id()), bob.bearer()), 404, "not-found");
        assertThat(get(url("/api/v1/customers/" + ann.id()), accounts.admin().bearer()).statusCode()).isEqualTo(200);
    }

    @Test
    void customerCannotUseAdministration() {
        SignedIn customer = accounts.newCustomer();
        HttpResponse<String> response = TestHttp.send(TestHttp.request(url("/api/v1/admin/keys/rotate"), customer.bearer())
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertProblem(response, 403, "forbidden");
    }

    @Test
    void anonymousCallerGets401OnProtectedRoutes() {
        HttpResponse<String> response = get(url("/api/v1/me"));
        assertProblem(response, 401, "unauthorized");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }

    @Test
    void passwordChangeEndsEverySession() {
        SignedIn customer = accounts.newCustomer();
        HttpResponse<String> changed = post(url("/api/v1/me/password"), "application/json",
                "{\"currentPassword\":\"%s\",\"newPassword\":\"an-entirely-new-passphrase\"}".formatted(Accounts.PASSWORD),
                customer.bearer());
        assertThat(changed.statusCode()).isEqualTo(204);

        assertProblem(accounts.refresh(customer.refreshToken()), 401, "invalid-refresh-token");
        assertThat(accounts.login(customer.email(), "an-entirely-new-passphrase").statusCode()).isEqualTo(200);
    }

    @Test
    void injectionFragmentsAreJustData() {
        HttpResponse<String> login = accounts.login("' OR 1=1 --@example.com", "'; DROP TABLE accounts; --");
        assertProblem(login, 401, "invalid-credentials");

        String email = "o'brien+x-" + java.util.UUID.randomUUID() + "@example.com";
        accounts.register(email);
        assertThat(accounts.login(email, Accounts.PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void secretsNeverLogged(CapturedOutput log) {
        SignedIn customer = accounts.newCustomer();
        accounts.refresh(customer.refreshToken());
        accounts.login(customer.email(), "a-wrong-password-attempt");
        Logs.awaitFlushed(log, url(""));

        assertThat(log.getOut())
                .doesNotContain(Accounts.PASSWORD)
                .doesNotContain("a-wrong-password-attempt")
                .doesNotContain(customer.accessToken())
                .doesNotContain(customer.refreshToken())
                .doesNotContain(IntegrationTest.MASTER_KEY);
    }
}
