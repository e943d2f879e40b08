package dev.emporium.identity;

import static dev.emporium.support.TestHttp.assertProblem;
import static dev.emporium.support.TestHttp.json;
import static dev.emporium.support.TestHttp.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.emporium.support.Accounts;
import dev.emporium.support.Accounts.SignedIn;
import dev.emporium.support.IntegrationTest;
import dev.emporium.support.Logs;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** A forgotten password: a single-use code goes to the account holder's outbox, and sets a new password once. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "emporium.rate-limit.plans.reset-account.capacity=3")
class PasswordResetTest {

    private static final Pattern CODE = Pattern.compile("Your reset code, valid for \\d+ minutes and only once: ([A-Za-z0-9_-]+)");
    private static final String NEW_PASSWORD = "a-fresh-passphrase-42";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Accounts accounts;

    @BeforeEach
    void setUp() {
        accounts = new Accounts(url(""));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private HttpResponse<String> requestReset(String email) {
        return post(url("/api/v1/auth/password-reset"), "application/json", "{\"email\":\"%s\"}".formatted(email));
    }

    private HttpResponse<String> confirm(String code, String newPassword) {
        return post(url("/api/v1/auth/password-reset/confirm"), "application/json",
                "{\"token\":\"%s\",\"newPassword\":\"%s\"}".formatted(code, newPassword));
    }

    private List<String> codesSentTo(String email) {
        return jdbc.sql("SELECT body FROM account_messages WHERE recipient = ? AND kind = 'password-reset' ORDER BY created_at")
                .param(email).query(String.class).list().stream()
                .map(body -> {
                    Matcher code = CODE.matcher(body);
                    assertThat(code.find()).as(body).isTrue();
                    return code.group(1);
                })
                .toList();
    }

    @Test
    void aResetCodeSetsANewPasswordOnceAndEndsEverySession(CapturedOutput log) {
        SignedIn customer = accounts.newCustomer();

        assertThat(requestReset(customer.email().toUpperCase()).statusCode()).isEqualTo(202);
        List<String> codes = codesSentTo(customer.email());
        assertThat(codes).hasSize(1);

        assertThat(confirm(codes.getFirst(), NEW_PASSWORD).statusCode()).isEqualTo(204);

        assertThat(accounts.login(customer.email(), NEW_PASSWORD).statusCode()).isEqualTo(200);
        assertProblem(accounts.login(customer.email(), Accounts.PASSWORD), 401, "invalid-credentials");
        assertProblem(accounts.refresh(customer.refreshToken()), 401, "invalid-refresh-token");
        assertProblem(confirm(codes.getFirst(), "yet-another-passphrase-7"), 400, "invalid-reset-token");

        Logs.awaitFlushed(log, url(""));
        assertThat(log.getOut()).doesNotContain(codes.getFirst()).doesNotContain(NEW_PASSWORD);
    }

    @Test
    void anUnknownEmailGetsTheSameAnswerAndNobodyIsSentAnything() {
        String nobody = Accounts.uniqueEmail();
        assertThat(requestReset(nobody).statusCode()).isEqualTo(202);
        assertThat(jdbc.sql("SELECT count(*) FROM account_messages WHERE recipient = ?").param(nobody).query(Integer.class).single())
                .isZero();
    }

    @Test
    void aDisabledAccountIsSentNothing() {
        SignedIn customer = accounts.newCustomer();
        SignedIn admin = accounts.admin();
        HttpResponse<String> disabled = post(url("/api/v1/admin/customers/" + customer.id() + "/disable"), "application/json", "",
                admin.bearer());
        assertThat(disabled.statusCode()).as(disabled.body()).isLessThan(300);

        assertThat(requestReset(customer.email()).statusCode()).isEqualTo(202);
        assertThat(codesSentTo(customer.email())).isEmpty();
    }

    @Test
    void aWeakNewPasswordIsRefusedAndTheCodeStillWorks() {
        SignedIn customer = accounts.newCustomer();
        requestReset(customer.email());
        String code = codesSentTo(customer.email()).getFirst();

        HttpResponse<String> weak = confirm(code, "short");
        assertProblem(weak, 400, "validation-failed");
        assertThat(json(weak).path("errors").get(0).path("field").asString()).isEqualTo("newPassword");

        assertThat(confirm(code, NEW_PASSWORD).statusCode()).isEqualTo(204);
    }

    @Test
    void anExpiredCodeIsRefused() {
        SignedIn customer = accounts.newCustomer();
        requestReset(customer.email());
        String code = codesSentTo(customer.email()).getFirst();
        jdbc.sql("UPDATE password_resets SET expires_at = now() - interval '1 second' WHERE account_id = ?::uuid")
                .param(customer.id()).update();

        assertProblem(confirm(code, NEW_PASSWORD), 400, "invalid-reset-token");
        assertThat(accounts.login(customer.email(), Accounts.PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void aNewPasswordSpendsEveryOtherCodeSentBefore() {
        SignedIn customer = accounts.newCustomer();
        requestReset(customer.email());
        requestReset(customer.email());
        List<String> codes = codesSentTo(customer.email());
        assertThat(codes).hasSize(2).doesNotHaveDuplicates();

        assertThat(confirm(codes.get(1), NEW_PASSWORD).statusCode()).isEqualTo(204);
        assertProblem(confirm(codes.get(0), "yet-another-passphrase-7"), 400, "invalid-reset-token");
    }

    @Test
    void requestsAreLimitedPerEmailWhetherOrNotItIsRegistered() {
        for (String email : List.of(accounts.newCustomer().email(), Accounts.uniqueEmail())) {
            for (int i = 0; i < 3; i++) {
                assertThat(requestReset(email).statusCode()).isEqualTo(202);
            }
            HttpResponse<String> fourth = requestReset(email);
            assertProblem(fourth, 429, "rate-limited");
            assertThat(fourth.headers().firstValue("Retry-After")).isPresent();
        }
    }

    @Test
    void malformedAndForgedCodesAreRefused() {
        assertProblem(confirm("not-a-code-anyone-was-sent", NEW_PASSWORD), 400, "invalid-reset-token");
        assertProblem(confirm("' OR 1=1 --", NEW_PASSWORD), 400, "invalid-reset-token");
        assertProblem(confirm("x".repeat(101), NEW_PASSWORD), 400, "validation-failed");
        assertProblem(post(url("/api/v1/auth/password-reset/confirm"), "application/json", "{\"newPassword\":\"%s\"}".formatted(NEW_PASSWORD)),
                400, "validation-failed");
        assertProblem(post(url("/api/v1/auth/password-reset"), "application/json", "{\"email\":"), 400, "malformed-body");
    }
}
