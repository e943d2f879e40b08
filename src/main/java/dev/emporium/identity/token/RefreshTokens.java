package dev.emporium.identity.token;

import dev.emporium.identity.IdentityProperties;
import dev.emporium.identity.Secrets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Opaque refresh tokens: 256 random bits shown to the client once, stored only as a SHA-256 hash. Using one
 * marks it used in a single conditional UPDATE, so two concurrent uses cannot both succeed; presenting a used
 * one again revokes its whole family, because only a thief or a replay would do that.
 */
@Component
public class RefreshTokens {

    private final JdbcClient jdbc;
    private final IdentityProperties properties;
    private final Clock clock;

    RefreshTokens(JdbcClient jdbc, IdentityProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    public record Issued(String value, long expiresInSeconds) {}

    /** What using a refresh token did: it was good (and is now spent), it was replayed (family revoked), or it is unknown. */
    public sealed interface Use {
        record Spent(UUID familyId, UUID accountId) implements Use {}
        record Replayed() implements Use {}
        record Invalid() implements Use {}
    }

    public Issued issue(UUID accountId, UUID familyId) {
        String value = Secrets.randomToken(32);
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO refresh_tokens (token_hash, family_id, account_id, issued_at, expires_at)
                VALUES (:hash, :family, :account, :now, :expires)""")
                .param("hash", Secrets.sha256(value))
                .param("family", familyId)
                .param("account", accountId)
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(properties.refreshTokenTtl())))
                .update();
        return new Issued(value, properties.refreshTokenTtl().toSeconds());
    }

    /** Spends the token; call inside the transaction that issues its successor. */
    public Use use(String value) {
        if (value == null || value.isEmpty() || value.length() > 100) {
            return new Use.Invalid();
        }
        byte[] hash = Secrets.sha256(value);
        Optional<Use.Spent> spent = jdbc.sql("""
                UPDATE refresh_tokens SET used_at = :now
                WHERE token_hash = :hash AND used_at IS NULL AND revoked_at IS NULL AND expires_at > :now
                RETURNING family_id, account_id""")
                .param("hash", hash)
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, row) -> new Use.Spent(rs.getObject("family_id", UUID.class), rs.getObject("account_id", UUID.class)))
                .optional();
        if (spent.isPresent()) {
            return spent.get();
        }
        Optional<UUID> usedFamily = jdbc.sql("SELECT family_id FROM refresh_tokens WHERE token_hash = ? AND used_at IS NOT NULL")
                .param(hash).query(UUID.class).optional();
        if (usedFamily.isPresent()) {
            revokeFamily(usedFamily.get());
            return new Use.Replayed();
        }
        return new Use.Invalid();
    }

    /** Logout: the family of this token ends, whether or not the token itself is still fresh. */
    public void revokeFamilyOf(String value) {
        if (value == null || value.isEmpty() || value.length() > 100) {
            return;
        }
        jdbc.sql("""
                UPDATE refresh_tokens SET revoked_at = :now
                WHERE revoked_at IS NULL AND family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = :hash)""")
                .param("hash", Secrets.sha256(value)).param("now", Timestamp.from(clock.instant())).update();
    }

    public void revokeFamily(UUID familyId) {
        jdbc.sql("UPDATE refresh_tokens SET revoked_at = :now WHERE family_id = :family AND revoked_at IS NULL")
                .param("family", familyId).param("now", Timestamp.from(clock.instant())).update();
    }

    /** Every session of an account ends: a password change, or staff disabling the account. */
    public void revokeAllOf(UUID accountId) {
        jdbc.sql("UPDATE refresh_tokens SET revoked_at = :now WHERE account_id = :account AND revoked_at IS NULL")
                .param("account", accountId).param("now", Timestamp.from(clock.instant())).update();
    }
}
