package dev.emporium.identity.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokensTest {

    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    final AtomicInteger fullChecks = new AtomicInteger();
    final Set<String> published = new HashSet<>(Set.of("k1"));
    Instant expiry = NOW.plus(Duration.ofMinutes(15));

    /** Stands in for the signature and claims check: counts how often it runs, refuses once the key is gone. */
    final JwtDecoder fullCheck = token -> {
        fullChecks.incrementAndGet();
        if (!published.contains("k1")) {
            throw new BadJwtException("unknown key");
        }
        return Jwt.withTokenValue(token).header("kid", "k1").header("alg", "ES256").subject("s")
                .issuedAt(NOW).expiresAt(expiry).build();
    };

    private VerifiedTokens at(Instant instant) {
        return new VerifiedTokens(fullCheck, published::contains, Clock.fixed(instant, ZoneOffset.UTC));
    }

    @Test
    void rememberedTokenSkipsTheFullCheckUntilItExpires() {
        VerifiedTokens tokens = at(NOW);
        tokens.decode("t");
        tokens.decode("t");
        assertThat(fullChecks).hasValue(1);
    }

    @Test
    void expiredTokenGoesBackToTheFullCheck() {
        Instant[] now = {NOW};
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        VerifiedTokens tokens = new VerifiedTokens(fullCheck, published::contains, clock);
        tokens.decode("t");
        now[0] = expiry.minusSeconds(1);
        tokens.decode("t");
        assertThat(fullChecks).as("still valid: remembered").hasValue(1);

        now[0] = expiry.plusSeconds(1);
        tokens.decode("t");
        assertThat(fullChecks).as("expired: checked again by the same cache").hasValue(2);
    }

    @Test
    void tokenOfAWithdrawnKeyIsCheckedAgainAndRefused() {
        VerifiedTokens tokens = at(NOW);
        tokens.decode("t");
        published.clear();
        assertThatThrownBy(() -> tokens.decode("t")).isInstanceOf(BadJwtException.class);
    }

    @Test
    void staysBounded() {
        VerifiedTokens tokens = at(NOW);
        for (int i = 0; i < VerifiedTokens.MAX_ENTRIES * 2; i++) {
            tokens.decode("t" + i);
        }
        fullChecks.set(0);
        tokens.decode("t" + (VerifiedTokens.MAX_ENTRIES * 2 - 1));
        assertThat(fullChecks).hasValue(0);
    }
}
