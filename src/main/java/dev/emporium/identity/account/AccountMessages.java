package dev.emporium.identity.account;

import java.time.Duration;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox of mail to account holders ({@code account_messages}): written in the transaction that decided to
 * send it, delivered by a mail sender outside Emporium, which sets {@code sent_at}. Nothing here is logged.
 */
@Component
class AccountMessages {

    static final String PASSWORD_RESET = "password-reset";

    private final JdbcClient jdbc;

    AccountMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void passwordReset(Account account, String token, Duration ttl) {
        String body = """
                Someone asked to reset the password of your account %s.

                Your reset code, valid for %d minutes and only once: %s

                If it was not you, ignore this message: your password stays as it is.""".formatted(account.email(), ttl.toMinutes(), token);
        jdbc.sql("""
                INSERT INTO account_messages (id, account_id, recipient, kind, subject, body)
                VALUES (:id, :account, :recipient, :kind, :subject, :body)""")
                .param("id", UUID.randomUUID())
                .param("account", account.id())
                .param("recipient", account.email())
                .param("kind", PASSWORD_RESET)
                .param("subject", "Reset your password")
                .param("body", body)
                .update();
    }
}
