package dev.emporium.ordering;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;

/** The signed-in customer's account id: the subject of Emporium's own access tokens. */
final class Customers {

    private Customers() {}

    static UUID idOf(Authentication caller) {
        try {
            return UUID.fromString(caller.getName());
        } catch (IllegalArgumentException notOurs) {
            throw OrderProblems.of(HttpStatus.FORBIDDEN, "not-a-customer", "Only a customer account can order.");
        }
    }
}
