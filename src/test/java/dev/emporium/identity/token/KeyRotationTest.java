package dev.emporium.identity.token;

import static dev.emporium.support.TestHttp.get;
import static dev.emporium.support.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import dev.emporium.support.Accounts;
import dev.emporium.support.Accounts.SignedIn;
import dev.emporium.support.IntegrationTest;
import dev.emporium.support.TestHttp;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class KeyRotationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SigningKeys signingKeys;

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private List<String> publishedKids() {
        return json(get(url("/.well-known/jwks.json"))).path("keys").valueStream().map(key -> key.path("kid").asString()).toList();
    }

    @Test
    void rotatedKeyKeepsOldTokensValidUntilExpiry() throws Exception {
        Accounts accounts = new Accounts("http://127.0.0.1:" + port);
        SignedIn before = accounts.newCustomer();
        String oldKid = SignedJWT.parse(before.accessToken()).getHeader().getKeyID();
        assertThat(publishedKids()).contains(oldKid);

        String newKid = json(TestHttp.send(TestHttp.request(url("/api/v1/admin/keys/rotate"), accounts.admin().bearer())
                .POST(HttpRequest.BodyPublishers.noBody()))).path("kid").asString();

        SignedIn after = accounts.signIn(before.email(), Accounts.PASSWORD);
        assertThat(SignedJWT.parse(after.accessToken()).getHeader().getKeyID()).isEqualTo(newKid);
        // The old key signs nothing new but still verifies what it signed.
        assertThat(publishedKids()).contains(oldKid, newKid);
        assertThat(get(url("/api/v1/me"), before.bearer()).statusCode()).isEqualTo(200);

        // Once every token of the old key has expired, the key leaves the set and its tokens stop working.
        jdbc.sql("UPDATE signing_keys SET published_until = now() - interval '1 second' WHERE kid = ?").param(oldKid).update();
        signingKeys.reloadNow();
        assertThat(publishedKids()).doesNotContain(oldKid).contains(newKid);
        assertThat(get(url("/api/v1/me"), before.bearer()).statusCode()).isEqualTo(401);
        assertThat(get(url("/api/v1/me"), after.bearer()).statusCode()).isEqualTo(200);
    }

    @Test
    void privateKeysAreStoredEncrypted() {
        List<byte[]> stored = jdbc.sql("SELECT private_key_encrypted FROM signing_keys").query(byte[].class).list();
        assertThat(stored).isNotEmpty().allSatisfy(sealed -> assertThat(new String(sealed)).doesNotContain("\"d\""));
        List<String> publicParts = jdbc.sql("SELECT public_jwk FROM signing_keys").query(String.class).list();
        assertThat(publicParts).allSatisfy(jwk -> assertThat(jwk).doesNotContain("\"d\""));
    }
}
