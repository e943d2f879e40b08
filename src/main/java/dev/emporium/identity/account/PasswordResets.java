package dev.emporium.identity.account;

import dev.emporium.identity.Secrets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Password reset tokens: 256 random bits for the account holder's message, stored only as a SHA-256 hash. Spending
 * one is a single conditional UPDATE, so a token works once even when presented twice at the same moment.
 */
@Component
class PasswordResets {

    private final JdbcClient jdbc;
    private final Clock clock;

    PasswordResets(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new token for the account, valid for {@code ttl}; only its hash is kept here, the value goes into the message. */
    String issue(UUID accountId, Duration ttl) {
        String value = Secrets.randomToken(32);
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO password_resets (token_hash, account_id, created_at, expires_at) VALUES (:hash, :account, :now, :expires)")
                .param("hash", Secrets.sha256(value))
                .param("account", accountId)
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(ttl)))
                .update();
        return value;
    }

    /** The account whose open, unexpired token this is, spending it; empty for any other value. */
    Optional<UUID> spend(String value) {
        return jdbc.sql("""
                UPDATE password_resets SET used_at = :now
                WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now
                RETURNING account_id""")
                .param("hash", Secrets.sha256(value))
                .param("now", Timestamp.from(clock.instant()))
                .query(UUID.class)
                .optional();
    }

    /** Once the password is new, no other token sent before may change it again. */
    void spendAllOf(UUID accountId) {
        jdbc.sql("UPDATE password_resets SET used_at = :now WHERE account_id = :account AND used_at IS NULL")
                .param("account", accountId).param("now", Timestamp.from(clock.instant())).update();
    }
}
