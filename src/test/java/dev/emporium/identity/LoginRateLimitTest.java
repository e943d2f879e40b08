package dev.emporium.identity;

import static dev.emporium.support.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.emporium.support.Accounts;
import dev.emporium.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** Password guessing is throttled twice: per account (from any address) and per client address (for any account). */
@IntegrationTest
@TestPropertySource(properties = {
        "emporium.rate-limit.plans.login-account.capacity=3",
        "emporium.rate-limit.plans.login-account.period=15m",
        "emporium.rate-limit.plans.auth.capacity=8",
        "emporium.rate-limit.plans.auth.period=1m"
})
class LoginRateLimitTest {

    @LocalServerPort
    int port;

    @Test
    void loginIsRateLimitedPerAccountAndIp() {
        Accounts accounts = new Accounts("http://127.0.0.1:" + port);
        String victim = Accounts.uniqueEmail();
        accounts.register(victim);

        // Per account: the fourth guess at one email is refused, even with the right password.
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            statuses.add(accounts.login(victim, "wrong-guess-number-" + i).statusCode());
        }
        HttpResponse<String> fourth = accounts.login(victim, Accounts.PASSWORD);
        assertThat(statuses).containsOnly(401);
        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(json(fourth).path("type").asString()).isEqualTo("https://emporium.dev/problems/rate-limited");
        assertThat(fourth.headers().firstValue("Retry-After")).isPresent();

        // Per address: the register call and four logins so far; other emails soon run into the address's bucket.
        int refusedByAddress = 0;
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> attempt = accounts.login(Accounts.uniqueEmail(), "some-password-guess");
            if (attempt.statusCode() == 429) {
                refusedByAddress++;
            } else {
                assertThat(attempt.statusCode()).isEqualTo(401);
            }
        }
        assertThat(refusedByAddress).isEqualTo(3);
    }
}
