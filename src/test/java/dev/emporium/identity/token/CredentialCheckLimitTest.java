package dev.emporium.identity.token;

import static dev.emporium.support.TestHttp.get;
import static dev.emporium.support.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.emporium.support.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** Tokens an instance has not verified yet cost a signature check each, so an address gets only so many of them. */
@IntegrationTest
@TestPropertySource(properties = {
        "emporium.rate-limit.plans.credential-check.capacity=3",
        "emporium.rate-limit.plans.credential-check.period=1h"
})
class CredentialCheckLimitTest {

    @LocalServerPort
    int port;

    @Autowired
    AccessTokens accessTokens;

    @Autowired
    MeterRegistry meters;

    private HttpResponse<String> whoAmI(String token) {
        return get("http://127.0.0.1:" + port + "/api/v1/auth/whoami", "Authorization", "Bearer " + token);
    }

    private String validToken() {
        return accessTokens.sign(TestClaims.validFor(UUID.randomUUID().toString()).build());
    }

    /** A well-formed token under Emporium's key id whose signature is someone else's bytes. */
    private static String forged(String real) {
        byte[] signature = new byte[64];
        new SecureRandom().nextBytes(signature);
        return real.substring(0, real.lastIndexOf('.') + 1) + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    private double signaturesRefused() {
        var counter = meters.find("emporium.auth.failures").tag("reason", "signature").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void tokensNotVerifiedBeforeAreLimitedPerAddressBeforeAnySignatureCheck() {
        String remembered = validToken();
        assertThat(whoAmI(remembered).statusCode()).isEqualTo(200);
        double refusedBefore = signaturesRefused();

        assertThat(whoAmI(forged(remembered)).statusCode()).isEqualTo(401);
        assertThat(whoAmI(forged(remembered)).statusCode()).isEqualTo(401);
        HttpResponse<String> limited = whoAmI(forged(remembered));
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(json(limited).path("type").asString()).isEqualTo("https://emporium.dev/problems/rate-limited");
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(signaturesRefused()).as("the third forgery was refused before its signature was checked")
                .isEqualTo(refusedBefore + 2);

        assertThat(whoAmI(remembered).statusCode()).as("a token verified before costs no check").isEqualTo(200);
        assertThat(whoAmI(validToken()).statusCode()).as("a new token waits for the bucket too").isEqualTo(429);
        assertThat(get("http://127.0.0.1:" + port + "/api/data").statusCode()).as("no credentials, no check").isEqualTo(200);
    }
}
