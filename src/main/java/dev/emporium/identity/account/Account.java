package dev.emporium.identity.account;

import dev.emporium.identity.Role;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A customer or a staff member. {@code passwordHash} never leaves the module. */
public record Account(
        UUID id, String email, String passwordHash, String displayName, List<Role> roles, Instant disabledAt,
        Instant createdAt, int version) {

    public boolean disabled() {
        return disabledAt != null;
    }

    public boolean isStaff() {
        return roles.stream().anyMatch(Role::isStaff);
    }

    public List<String> roleClaims() {
        return roles.stream().map(Role::claim).toList();
    }
}
