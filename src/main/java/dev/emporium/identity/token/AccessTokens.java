package dev.emporium.identity.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.emporium.identity.IdentityProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Issues short-lived access tokens (RFC 9068 shape: {@code typ: at+jwt}), signed with the current key. */
@Component
public class AccessTokens {

    /** The JWT type of Emporium's access tokens; tokens of any other type are refused. */
    static final JOSEObjectType TYPE = new JOSEObjectType("at+jwt");
    static final String ROLES_CLAIM = "roles";

    private final SigningKeys keys;
    private final IdentityProperties properties;
    private final Clock clock;

    AccessTokens(SigningKeys keys, IdentityProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    public record AccessToken(String value, long expiresInSeconds) {}

    public AccessToken issue(UUID subject, List<String> roles) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(properties.issuer())
                .audience(properties.audience())
                .subject(subject.toString())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(properties.accessTokenTtl())))
                .jwtID(UUID.randomUUID().toString())
                .claim(ROLES_CLAIM, roles)
                .build();
        return new AccessToken(sign(claims), properties.accessTokenTtl().toSeconds());
    }

    /** Signs any claims with the current key; package-private so tests can forge tokens the real way. */
    String sign(JWTClaimsSet claims) {
        ECKey key = keys.signingKey();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(TYPE).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException failure) {
            throw new IllegalStateException("Cannot sign an access token", failure);
        }
        return jwt.serialize();
    }
}
