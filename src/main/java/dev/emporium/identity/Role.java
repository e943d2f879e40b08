package dev.emporium.identity;

import java.util.Arrays;
import java.util.Optional;

/** What an account may do. Staff roles are checked on routes; {@code customer} owns carts, orders and a profile. */
public enum Role {
    CUSTOMER("customer"),
    ADMIN("admin"),
    CATALOG_MANAGER("catalog_manager"),
    ORDER_MANAGER("order_manager");

    private final String claim;

    Role(String claim) {
        this.claim = claim;
    }

    /** The name in tokens and in the database. */
    public String claim() {
        return claim;
    }

    /** The Spring Security authority, e.g. {@code ROLE_admin}. */
    public String authority() {
        return "ROLE_" + claim;
    }

    public boolean isStaff() {
        return this != CUSTOMER;
    }

    public static Optional<Role> fromClaim(String claim) {
        return Arrays.stream(values()).filter(role -> role.claim.equals(claim)).findFirst();
    }
}
