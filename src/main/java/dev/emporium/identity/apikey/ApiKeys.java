package dev.emporium.identity.apikey;

import dev.emporium.identity.Scope;
import dev.emporium.identity.Secrets;
import dev.emporium.identity.account.IdentityProblems.UnknownScope;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * API keys look like {@code emp_<prefix>_<secret>}: the prefix finds the row through a unique index, the SHA-256 of
 * the 256-bit secret proves it (a slow hash adds nothing to a secret that long). Checked keys are held in memory
 * for {@link #CACHE_TTL}, so a revocation reaches every instance within that time; last use is remembered in
 * memory and written once a minute, not on every request.
 */
@Service
public class ApiKeys {

    static final Duration CACHE_TTL = Duration.ofSeconds(30);
    private static final String MARK = "emp_";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, Cached> byPrefix = new ConcurrentHashMap<>();
    private final Map<UUID, Instant> lastUsed = new ConcurrentHashMap<>();

    ApiKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The key as its creator receives it, once. */
    public record Created(ApiKey key, String secret) {}

    /** A key that proved itself. */
    public record Verified(UUID id, String name, List<String> scopes, String plan) {}

    private record Cached(Optional<Stored> stored, Instant loadedAt) {}

    private record Stored(UUID id, byte[] secretHash, String name, List<String> scopes, String plan, boolean revoked) {}

    public Created create(String name, List<String> scopes, String plan, UUID createdBy) {
        scopes.stream().filter(scope -> Scope.of(scope).isEmpty()).findFirst().ifPresent(unknown -> {
            throw new UnknownScope(unknown);
        });
        String prefix = HexFormat.of().formatHex(Secrets.randomBytes(6));
        String secret = Secrets.randomToken(32);
        ApiKey key = jdbc.sql("""
                INSERT INTO api_keys (id, prefix, secret_hash, name, scopes, plan, created_by)
                VALUES (:id, :prefix, :hash, :name, :scopes, :plan, :createdBy)
                RETURNING id, prefix, name, scopes, plan, created_at, revoked_at, last_used_at""")
                .param("id", UUID.randomUUID())
                .param("prefix", prefix)
                .param("hash", Secrets.sha256(secret))
                .param("name", name)
                .param("scopes", scopes.toArray(String[]::new))
                .param("plan", plan)
                .param("createdBy", createdBy)
                .query(ApiKeys::map)
                .single();
        return new Created(key, MARK + prefix + "_" + secret);
    }

    public List<ApiKey> list() {
        return jdbc.sql("SELECT id, prefix, name, scopes, plan, created_at, revoked_at, last_used_at FROM api_keys ORDER BY created_at DESC")
                .query(ApiKeys::map).list();
    }

    public boolean revoke(UUID id) {
        boolean revoked = jdbc.sql("UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE id = ?").param(id).update() == 1;
        byPrefix.values().removeIf(cached -> cached.stored().map(stored -> stored.id().equals(id)).orElse(false));
        return revoked;
    }

    /** The key behind a presented value, if the value is one of ours, unrevoked, with the right secret. */
    public Optional<Verified> verify(String presented) {
        int split = prefixEnd(presented);
        if (split < 0) {
            return Optional.empty();
        }
        String prefix = presented.substring(MARK.length(), split);
        String secret = presented.substring(split + 1);
        Optional<Stored> stored = lookup(prefix);
        if (stored.isEmpty() || stored.get().revoked() || !MessageDigest.isEqual(stored.get().secretHash(), Secrets.sha256(secret))) {
            return Optional.empty();
        }
        Stored key = stored.get();
        lastUsed.put(key.id(), clock.instant());
        return Optional.of(new Verified(key.id(), key.name(), key.scopes(), key.plan()));
    }

    /**
     * Whether checking the presented value costs no database read here: its prefix names a key this instance
     * has loaded lately. Values that are not ours are refused without a read either.
     */
    public boolean checksCheaply(String presented) {
        int split = prefixEnd(presented);
        if (split < 0) {
            return true;
        }
        Cached cached = byPrefix.get(presented.substring(MARK.length(), split));
        return cached != null && !cached.loadedAt().plus(CACHE_TTL).isBefore(clock.instant());
    }

    /** Where the prefix of a value shaped like one of our keys ends, or -1 when it is not shaped like one. */
    private static int prefixEnd(String presented) {
        if (presented == null || !presented.startsWith(MARK) || presented.length() > 120) {
            return -1;
        }
        return presented.indexOf('_', MARK.length());
    }

    /** Writes the remembered last-use times in one statement. */
    @Scheduled(fixedDelayString = "PT1M")
    public void recordLastUse() {
        if (lastUsed.isEmpty()) {
            return;
        }
        Map<UUID, Instant> batch = Map.copyOf(lastUsed);
        batch.forEach(lastUsed::remove);
        UUID[] ids = batch.keySet().toArray(UUID[]::new);
        Timestamp[] times = batch.keySet().stream().map(id -> Timestamp.from(batch.get(id))).toArray(Timestamp[]::new);
        jdbc.sql("""
                UPDATE api_keys SET last_used_at = greatest(coalesce(last_used_at, used.at), used.at)
                FROM unnest(:ids::uuid[], :times::timestamptz[]) AS used(id, at)
                WHERE api_keys.id = used.id""")
                .param("ids", ids)
                .param("times", times)
                .update();
    }

    private Optional<Stored> lookup(String prefix) {
        Cached cached = byPrefix.get(prefix);
        if (cached == null || cached.loadedAt().plus(CACHE_TTL).isBefore(clock.instant())) {
            Optional<Stored> stored = jdbc.sql("SELECT id, secret_hash, name, scopes, plan, revoked_at IS NOT NULL AS revoked FROM api_keys WHERE prefix = ?")
                    .param(prefix)
                    .query((rs, row) -> new Stored(rs.getObject("id", UUID.class), rs.getBytes("secret_hash"), rs.getString("name"),
                            List.of((String[]) rs.getArray("scopes").getArray()), rs.getString("plan"), rs.getBoolean("revoked")))
                    .optional();
            // Only known prefixes are cached: random ones must not grow the map.
            if (stored.isPresent()) {
                byPrefix.put(prefix, new Cached(stored, clock.instant()));
            }
            return stored;
        }
        return cached.stored();
    }

    private static ApiKey map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        Timestamp used = rs.getTimestamp("last_used_at");
        return new ApiKey(rs.getObject("id", UUID.class), rs.getString("prefix"), rs.getString("name"),
                List.of((String[]) rs.getArray("scopes").getArray()), rs.getString("plan"), rs.getTimestamp("created_at").toInstant(),
                revoked == null ? null : revoked.toInstant(), used == null ? null : used.toInstant());
    }

}
