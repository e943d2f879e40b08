package dev.emporium.identity.token;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** The claims of one of Emporium's own customer access tokens, valid for five minutes, for tests that sign their own. */
final class TestClaims {

    private TestClaims() {}

    static JWTClaimsSet.Builder validFor(String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer("emporium")
                .audience("emporium-api")
                .subject(subject)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", List.of("customer"));
    }
}
