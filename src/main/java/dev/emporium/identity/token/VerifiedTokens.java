package dev.emporium.identity.token;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Verifying an ES256 signature costs more CPU than the rest of a small request, and a client sends the same token
 * for its whole lifetime. A token that passed every check is remembered until it expires, as long as the key that
 * signed it is still published; anything else goes to the full check. The cache is per instance and bounded.
 */
final class VerifiedTokens implements JwtDecoder {

    static final int MAX_ENTRIES = 4096;

    private final JwtDecoder verifier;
    private final Predicate<String> stillPublished;
    private final Clock clock;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    VerifiedTokens(JwtDecoder verifier, Predicate<String> stillPublished, Clock clock) {
        this.verifier = verifier;
        this.stillPublished = stillPublished;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.get(token);
        if (known != null) {
            if (stillValid(known)) {
                return known;
            }
            verified.remove(token);
        }
        Jwt jwt = verifier.decode(token);
        if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isAfter(clock.instant())) {
            if (verified.size() >= MAX_ENTRIES) {
                // Crude but bounded: under a flood of distinct tokens the cache starts over rather than grows.
                verified.clear();
            }
            verified.put(token, jwt);
        }
        return jwt;
    }

    /** Whether decoding the token would answer from memory, without a signature check. */
    boolean remembers(String token) {
        Jwt known = verified.get(token);
        return known != null && stillValid(known);
    }

    private boolean stillValid(Jwt known) {
        return known.getExpiresAt().isAfter(clock.instant()) && stillPublished.test(keyIdOf(known));
    }

    private static String keyIdOf(Jwt jwt) {
        Object kid = jwt.getHeaders().get("kid");
        return kid == null ? "" : kid.toString();
    }
}
