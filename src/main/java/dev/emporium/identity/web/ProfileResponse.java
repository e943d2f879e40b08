package dev.emporium.identity.web;

import dev.emporium.identity.account.Account;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An account as its owner and staff see it: never the password hash. */
record ProfileResponse(UUID id, String email, String name, List<String> roles, boolean disabled, Instant createdAt) {

    static ProfileResponse of(Account account) {
        return new ProfileResponse(account.id(), account.email(), account.displayName(), account.roleClaims(),
                account.disabled(), account.createdAt());
    }
}
