package dev.emporium.identity.apikey;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A server client's credential, as staff see it: never the secret, which exists only in the creator's hands. */
public record ApiKey(UUID id, String prefix, String name, List<String> scopes, String plan, Instant createdAt,
        Instant revokedAt, Instant lastUsedAt) {}
