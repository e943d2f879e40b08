package dev.emporium.identity.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.emporium.identity.IdentityProperties;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The token signing keys (ES256), kept in the database so every instance signs and verifies with the same set.
 * Each instance holds them in memory and reloads them every {@code key-refresh-interval}, and at once (at most
 * once a second) when a token names a key it has not seen: a rotation on one instance reaches all without a restart.
 */
@Component
public class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final Duration UNKNOWN_KID_RELOAD_SPACING = Duration.ofSeconds(1);
    /** Serialises key creation across instances, so two first starts do not both make a key. */
    private static final long CREATION_LOCK = 0x656d706f6b657973L;

    private record Loaded(ECKey signing, JWKSet published, Instant loadedAt) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final MasterKey masterKey;
    private final IdentityProperties properties;
    private final Clock clock;
    private volatile Loaded loaded;

    SigningKeys(JdbcClient jdbc, TransactionTemplate transactions, MasterKey masterKey, IdentityProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.masterKey = masterKey;
        this.properties = properties;
        this.clock = clock;
    }

    /** The key new tokens are signed with: the newest one that is not retired. */
    ECKey signingKey() {
        return current(properties.keyRefreshInterval()).signing();
    }

    /** The public keys of every key whose tokens may still be valid. */
    public JWKSet publicKeys() {
        return current(properties.keyRefreshInterval()).published().toPublicJWKSet();
    }

    /** Whether tokens signed with this key are still accepted. */
    boolean publishes(String kid) {
        return current(properties.keyRefreshInterval()).published().getKeyByKeyId(kid) != null;
    }

    /** Keys matching a token's header; an unknown kid causes one early reload, spaced so garbage kids cannot flood the database. */
    List<JWK> select(com.nimbusds.jose.jwk.JWKSelector selector) {
        List<JWK> found = selector.select(current(properties.keyRefreshInterval()).published());
        if (found.isEmpty()) {
            found = selector.select(current(UNKNOWN_KID_RELOAD_SPACING).published());
        }
        return found;
    }

    /** A new key signs from now on; the others retire but stay published until their last token has expired. */
    public String rotate() {
        String kid = transactions.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(CREATION_LOCK).query().singleRow();
            String created = insertNewKey();
            Instant now = clock.instant();
            jdbc.sql("""
                    UPDATE signing_keys SET retired_at = :now, published_until = :until
                    WHERE retired_at IS NULL AND kid <> :kid""")
                    .param("now", Timestamp.from(now))
                    .param("until", Timestamp.from(now.plus(properties.accessTokenTtl()).plus(properties.clockSkew())))
                    .param("kid", created)
                    .update();
            return created;
        });
        reload();
        log.info("Rotated the token signing key; {} signs from now on", kid);
        return kid;
    }

    /** Reads the keys from the database now, rather than at the next interval. */
    void reloadNow() {
        reload();
    }

    private Loaded current(Duration maxAge) {
        Loaded snapshot = loaded;
        if (snapshot == null || snapshot.loadedAt().plus(maxAge).isBefore(clock.instant())) {
            synchronized (this) {
                snapshot = loaded;
                if (snapshot == null || snapshot.loadedAt().plus(maxAge).isBefore(clock.instant())) {
                    snapshot = reload();
                }
            }
        }
        return snapshot;
    }

    private synchronized Loaded reload() {
        List<StoredKey> stored = publishedKeys();
        if (stored.stream().noneMatch(StoredKey::active)) {
            transactions.executeWithoutResult(status -> {
                jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(CREATION_LOCK).query().singleRow();
                if (publishedKeys().stream().noneMatch(StoredKey::active)) {
                    insertNewKey();
                }
            });
            stored = publishedKeys();
        }
        ECKey signing = null;
        List<JWK> published = new ArrayList<>();
        for (StoredKey key : stored) {
            ECKey full = key.decrypt(masterKey);
            published.add(full);
            if (key.active() && signing == null) {
                signing = full;
            }
        }
        Loaded fresh = new Loaded(signing, new JWKSet(published), clock.instant());
        loaded = fresh;
        return fresh;
    }

    private record StoredKey(String kid, byte[] privateKeyEncrypted, boolean active) {
        ECKey decrypt(MasterKey masterKey) {
            try {
                return ECKey.parse(new String(masterKey.decrypt(privateKeyEncrypted), StandardCharsets.UTF_8));
            } catch (ParseException corrupt) {
                throw new IllegalStateException("Signing key " + kid + " cannot be read", corrupt);
            }
        }
    }

    /** Newest first, so the first active key is the one that signs. */
    private List<StoredKey> publishedKeys() {
        return jdbc.sql("""
                SELECT kid, private_key_encrypted, retired_at IS NULL AS active FROM signing_keys
                WHERE published_until IS NULL OR published_until > :now
                ORDER BY created_at DESC, kid DESC""")
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, row) -> new StoredKey(rs.getString("kid"), rs.getBytes("private_key_encrypted"), rs.getBoolean("active")))
                .list();
    }

    private String insertNewKey() {
        String kid = UUID.randomUUID().toString();
        ECKey key;
        try {
            key = new ECKeyGenerator(Curve.P_256)
                    .keyID(kid)
                    .algorithm(JWSAlgorithm.ES256)
                    .keyUse(KeyUse.SIGNATURE)
                    .generate();
        } catch (JOSEException failure) {
            throw new IllegalStateException("Cannot generate a signing key", failure);
        }
        jdbc.sql("""
                INSERT INTO signing_keys (kid, algorithm, public_jwk, private_key_encrypted, created_at)
                VALUES (:kid, 'ES256', :publicJwk, :privateKey, :now)""")
                .param("kid", kid)
                .param("publicJwk", key.toPublicJWK().toJSONString())
                .param("privateKey", masterKey.encrypt(key.toJSONString().getBytes(StandardCharsets.UTF_8)))
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return kid;
    }
}
