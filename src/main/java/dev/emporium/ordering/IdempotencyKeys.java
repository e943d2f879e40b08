package dev.emporium.ordering;

import dev.emporium.platform.Digests;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs a request once per (customer, key). The key's row is inserted first, in the caller's transaction: a
 * concurrent request with the same key waits on that insert until the first commits, then finds the stored answer
 * and replays it (same status, same body). A different body under a used key is refused. If the first fails, its
 * transaction (and the key's row) rolls back, and the key can be used again.
 */
@Component
class IdempotencyKeys {

    static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{8,100}");

    private final JdbcClient jdbc;
    private final Duration ttl;

    IdempotencyKeys(JdbcClient jdbc, OrderingProperties properties) {
        this.jdbc = jdbc;
        this.ttl = properties.idempotencyKeyTtl();
    }

    /** A stored answer: status and JSON body, replayed byte for byte; {@code replayed} when it was stored before. */
    record Response(int status, String body, boolean replayed) {

        Response(int status, String body) {
            this(status, body, false);
        }
    }

    /**
     * Claims the key for this request, in the caller's transaction: empty when the caller is first and goes on to
     * {@link #answer} it, else the stored answer to replay. A different body under a used key is refused.
     */
    Optional<Response> claim(UUID customerId, String key, String requestBody) {
        byte[] hash = Digests.sha256(requestBody);
        int claimed = jdbc.sql("""
                INSERT INTO idempotency_keys (customer_id, key, request_hash, expires_at)
                VALUES (:customer, :key, :hash, now() + make_interval(secs => :ttl))
                ON CONFLICT (customer_id, key) DO UPDATE SET request_hash = excluded.request_hash,
                       response_status = NULL, response_body = NULL, created_at = now(), expires_at = excluded.expires_at
                WHERE idempotency_keys.expires_at < now()""")
                .param("customer", customerId).param("key", key).param("hash", hash).param("ttl", ttl.toSeconds())
                .update();
        return claimed == 1 ? Optional.empty() : Optional.of(replay(customerId, key, hash));
    }

    /** Stores the answer to a claimed key, for its replays once the caller's transaction commits. */
    void answer(UUID customerId, String key, Response response) {
        jdbc.sql("UPDATE idempotency_keys SET response_status = :status, response_body = :body WHERE customer_id = :customer AND key = :key")
                .param("status", response.status()).param("body", response.body())
                .param("customer", customerId).param("key", key)
                .update();
    }

    private Response replay(UUID customerId, String key, byte[] hash) {
        record Stored(byte[] requestHash, Integer responseStatus, String responseBody) {}
        Stored stored = jdbc.sql("SELECT request_hash, response_status, response_body FROM idempotency_keys WHERE customer_id = :customer AND key = :key")
                .param("customer", customerId).param("key", key)
                .query((rs, row) -> new Stored(rs.getBytes(1), (Integer) rs.getObject(2), rs.getString(3))).single();
        if (!MessageDigest.isEqual(stored.requestHash(), hash)) {
            throw OrderProblems.of(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                    "This Idempotency-Key was used with a different request body. Use a new key for a new request.");
        }
        return new Response(stored.responseStatus(), stored.responseBody(), true);
    }
}
