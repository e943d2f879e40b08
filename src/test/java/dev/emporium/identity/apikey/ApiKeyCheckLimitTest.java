package dev.emporium.identity.apikey;

import static dev.emporium.support.TestHttp.get;
import static dev.emporium.support.TestHttp.json;
import static dev.emporium.support.TestHttp.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.emporium.support.Accounts;
import dev.emporium.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** A key this instance has not loaded costs a database read, so an address gets only so many of them. */
@IntegrationTest
@TestPropertySource(properties = {
        "emporium.rate-limit.plans.credential-check.capacity=3",
        "emporium.rate-limit.plans.credential-check.period=1h",
        "emporium.rate-limit.trusted-proxies=127.0.0.1"
})
class ApiKeyCheckLimitTest {

    @LocalServerPort
    int port;

    private HttpResponse<String> whoAmI(String key, String from) {
        return get("http://127.0.0.1:" + port + "/api/v1/auth/whoami", "X-Api-Key", key, "X-Forwarded-For", from);
    }

    private static String anAddress() {
        return "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255);
    }

    @Test
    void madeUpKeysAreLimitedPerAddressWhileAKnownKeyIsNot() {
        String attacker = anAddress();
        for (int i = 0; i < 3; i++) {
            assertThat(whoAmI("emp_%012x_guess".formatted(i), attacker).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> limited = whoAmI("emp_ffffffffffff_guess", attacker);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(json(limited).path("type").asString()).isEqualTo("https://emporium.dev/problems/rate-limited");

        String admin = new Accounts("http://127.0.0.1:" + port).admin().accessToken();
        String key = json(post("http://127.0.0.1:" + port + "/api/v1/admin/api-keys", "application/json",
                "{\"name\":\"inventory feed\",\"plan\":\"partner\"}", "Authorization", "Bearer " + admin)).path("key").asString();
        String partner = "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255);
        for (int i = 0; i < 6; i++) {
            assertThat(whoAmI(key, partner).statusCode()).as("request %d: a loaded key costs no read", i).isEqualTo(200);
        }
    }
}
