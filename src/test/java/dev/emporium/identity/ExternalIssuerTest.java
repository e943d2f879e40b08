package dev.emporium.identity;

import static dev.emporium.support.TestHttp.get;
import static dev.emporium.support.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.emporium.support.Accounts;
import dev.emporium.support.Accounts.SignedIn;
import dev.emporium.support.IntegrationTest;
import dev.emporium.support.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Tokens of a configured OIDC issuer are trusted beside Emporium's own, with its group claim mapped to roles. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "emporium.management.port=0",
        "emporium.identity.master-key=" + IntegrationTest.MASTER_KEY,
        "emporium.identity.external.roles-claim=groups",
        "emporium.identity.external.role-mapping.shop-admins=admin",
        "emporium.identity.external.audiences=emporium"
})
class ExternalIssuerTest {

    static final RSAKey ISSUER_KEY = generateKey("issuer-key");
    static final HttpServer ISSUER = startIssuer();

    @LocalServerPort
    int port;

    static String issuer() {
        return "http://127.0.0.1:" + ISSUER.getAddress().getPort() + "/realms/shop";
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("emporium.database.url", TestDatabase::url);
        registry.add("emporium.database.username", TestDatabase::username);
        registry.add("emporium.database.password", TestDatabase::password);
        registry.add("emporium.identity.external.issuer-uri", ExternalIssuerTest::issuer);
        registry.add("emporium.identity.external.jwk-set-uri", () -> issuer() + "/certs");
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.stop(0);
    }

    private String token(RSAKey key, String issuer, List<String> groups) throws Exception {
        return token(key, issuer, "staff-42", groups);
    }

    private String token(RSAKey key, String issuer, String subject, List<String> groups) throws Exception {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                new JWTClaimsSet.Builder().issuer(issuer).audience("emporium").subject(subject)
                        .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                        .claim("groups", groups).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Test
    void trustsTheIssuerAndMapsItsGroupsToRoles() throws Exception {
        JsonNode caller = json(get(url("/api/v1/auth/whoami"), "Authorization",
                "Bearer " + token(ISSUER_KEY, issuer(), List.of("shop-admins", "unrelated-group"))));
        assertThat(caller.path("subject").asString()).isEqualTo("external:staff-42");
        assertThat(caller.path("authorities").valueStream().map(JsonNode::asString)).containsExactly("ROLE_admin");
    }

    @Test
    void anExternalSubjectNeverActsAsTheAccountWithTheSameId() throws Exception {
        SignedIn customer = new Accounts(url("")).newCustomer();
        String token = token(ISSUER_KEY, issuer(), customer.id(), List.of("shop-admins"));

        assertThat(get(url("/api/v1/me"), "Authorization", "Bearer " + token).statusCode()).isEqualTo(404);
    }

    @Test
    void anIssuerWithoutAnAudienceIsRefused() {
        assertThatThrownBy(() -> new IdentityProperties.External(issuer(), null, List.of(), "groups", Map.of()))
                .hasMessageContaining("emporium.identity.external.audiences");
    }

    @Test
    void unmappedGroupsGrantNothing() throws Exception {
        String token = token(ISSUER_KEY, issuer(), List.of("unrelated-group"));
        assertThat(get(url("/api/v1/auth/whoami"), "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
        assertThat(get(url("/api/v1/admin/api-keys"), "Authorization", "Bearer " + token).statusCode()).isEqualTo(403);
    }

    @Test
    void rejectsTokensSignedWithAnotherKeyUnderTheIssuersName() throws Exception {
        String forged = token(generateKey("issuer-key"), issuer(), List.of("shop-admins"));
        assertThat(get(url("/api/v1/auth/whoami"), "Authorization", "Bearer " + forged).statusCode()).isEqualTo(401);
    }

    private static RSAKey generateKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (Exception failure) {
            throw new IllegalStateException(failure);
        }
    }

    /** A real HTTP endpoint publishing the issuer's public keys, as an OIDC provider does. */
    private static HttpServer startIssuer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            byte[] jwks = new JWKSet(ISSUER_KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/realms/shop/certs", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                exchange.getResponseBody().write(jwks);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
