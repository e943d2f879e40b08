package dev.emporium.identity;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an API key may do, beside the public routes every caller reaches: a server-to-server client gets the staff
 * routes its scopes name, and nothing else. Write scopes include reading.
 */
public enum Scope {
    CATALOG_WRITE("catalog:write"),
    INVENTORY_READ("inventory:read"),
    INVENTORY_WRITE("inventory:write"),
    ORDERS_READ("orders:read"),
    ORDERS_WRITE("orders:write");

    private final String value;

    Scope(String value) {
        this.value = value;
    }

    /** The name an admin gives when creating a key. */
    public String value() {
        return value;
    }

    /** The Spring Security authority, e.g. {@code SCOPE_orders:read}. */
    public String authority() {
        return "SCOPE_" + value;
    }

    public static Optional<Scope> of(String value) {
        return Arrays.stream(values()).filter(scope -> scope.value.equals(value)).findFirst();
    }
}
