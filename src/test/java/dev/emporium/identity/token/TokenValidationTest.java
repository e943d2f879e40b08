package dev.emporium.identity.token;

import static dev.emporium.support.TestHttp.get;
import static dev.emporium.support.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.emporium.support.Accounts;
import dev.emporium.support.Accounts.SignedIn;
import dev.emporium.support.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every kind of token that must not be accepted, each refused with a 401 problem; and one that must be. */
@IntegrationTest
class TokenValidationTest {

    @LocalServerPort
    int port;

    @Autowired
    AccessTokens accessTokens;

    @Autowired
    SigningKeys signingKeys;

    @Autowired
    MeterRegistry meters;

    SignedIn customer;

    @BeforeEach
    void setUp() {
        customer = new Accounts("http://127.0.0.1:" + port).newCustomer();
    }

    private HttpResponse<String> me(String token) {
        return get("http://127.0.0.1:" + port + "/api/v1/me", "Authorization", "Bearer " + token);
    }

    private void assertRejected(String token) {
        HttpResponse<String> response = me(token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).path("type").asString()).isEqualTo("https://emporium.dev/problems/unauthorized");
    }

    private JWTClaimsSet.Builder validClaims() {
        return TestClaims.validFor(customer.id());
    }

    @Test
    void acceptsAWellFormedTokenSignedWithTheCurrentKey() {
        assertThat(me(accessTokens.sign(validClaims().build())).statusCode()).isEqualTo(200);
    }

    @Test
    void rejectsGarbageTruncatedAndOversizedTokens() {
        assertRejected("not-a-token");
        assertRejected("a.b.c");
        String real = customer.accessToken();
        assertRejected(real.substring(0, real.length() - 12));
        byte[] noise = new byte[6_000];
        new SecureRandom().nextBytes(noise);
        assertRejected(Base64.getUrlEncoder().withoutPadding().encodeToString(noise));
    }

    @Test
    void rejectsMalformedBearerHeaders() {
        String real = customer.accessToken();
        for (String authorization : List.of("Bearer", "Bearer " + real + " x", "Bearer  " + real, "Bearer" + real,
                "Bearer " + real.replace('.', '$'))) {
            HttpResponse<String> response = get("http://127.0.0.1:" + port + "/api/v1/me", "Authorization", authorization);
            assertThat(response.statusCode()).as(authorization).isEqualTo(401);
            assertThat(json(response).path("type").asString()).isEqualTo("https://emporium.dev/problems/unauthorized");
        }
        assertThat(get("http://127.0.0.1:" + port + "/api/v1/me", "Authorization", "bearer " + real).statusCode())
                .as("the scheme is case-insensitive").isEqualTo(200);
    }

    @Test
    void rejectsAlgNone() {
        String header = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"at+jwt\"}").toString();
        String payload = Base64URL.encode(validClaims().build().toString()).toString();
        assertRejected(header + "." + payload + ".");
    }

    @Test
    void rejectsHs256SignedWithThePublicKeyAsSecret() throws Exception {
        String publicJwk = signingKeys.publicKeys().getKeys().getFirst().toJSONString();
        byte[] secret = (publicJwk + publicJwk).getBytes(StandardCharsets.UTF_8);
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256)
                .keyID(signingKeys.signingKey().getKeyID()).type(AccessTokens.TYPE).build(), validClaims().build());
        forged.sign(new MACSigner(secret));
        assertRejected(forged.serialize());
    }

    @Test
    void rejectsUnknownKidAndWrongKey() throws Exception {
        ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("not-ours").generate();
        assertRejected(signedBy(stranger, stranger.getKeyID(), AccessTokens.TYPE));
        // A stranger's signature under our key id.
        assertRejected(signedBy(stranger, signingKeys.signingKey().getKeyID(), AccessTokens.TYPE));
    }

    @Test
    void rejectsTokensOfAnotherType() throws Exception {
        assertRejected(signedBy(signingKeys.signingKey(), signingKeys.signingKey().getKeyID(), JOSEObjectType.JWT));
    }

    @Test
    void rejectsExpiredAndNotYetValidTokens() {
        Instant now = Instant.now();
        assertRejected(accessTokens.sign(validClaims()
                .issueTime(Date.from(now.minus(Duration.ofMinutes(20))))
                .expirationTime(Date.from(now.minus(Duration.ofMinutes(2)))).build()));
        assertRejected(accessTokens.sign(validClaims()
                .notBeforeTime(Date.from(now.plus(Duration.ofMinutes(2)))).build()));
        assertRejected(accessTokens.sign(validClaims().expirationTime(null).build()));
    }

    @Test
    void rejectsWrongIssuerAndAudience() {
        assertRejected(accessTokens.sign(validClaims().issuer("someone-else").build()));
        assertRejected(accessTokens.sign(validClaims().audience("another-api").build()));
    }

    @Test
    void countsRejectionsByReason() {
        double before = meters.find("emporium.auth.failures").tag("reason", "expired").counters().stream()
                .mapToDouble(counter -> counter.count()).sum();
        Instant now = Instant.now();
        assertRejected(accessTokens.sign(validClaims()
                .issueTime(Date.from(now.minus(Duration.ofMinutes(20))))
                .expirationTime(Date.from(now.minus(Duration.ofMinutes(2)))).build()));
        assertThat(meters.get("emporium.auth.failures").tag("reason", "expired").counter().count()).isEqualTo(before + 1);
    }

    private String signedBy(ECKey key, String kid, JOSEObjectType type) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(kid).type(type).build(), validClaims().build());
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }
}
