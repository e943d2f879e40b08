package dev.emporium.cart;

import dev.emporium.identity.Role;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is asking for a cart: a signed-in customer (an access token with the {@code customer} role, whose subject is
 * the account id), the holder of a guest cart's token, or both at once (the request that merges the two). Any other
 * credential (a staff token, an API key) is no customer here: with a cart token it reaches that guest cart.
 */
record CartCaller(UUID customerId, String guestToken) {

    static CartCaller of(Authentication authentication, String guestToken) {
        return new CartCaller(customerOf(authentication), guestToken == null || guestToken.isBlank() ? null : guestToken);
    }

    boolean isCustomer() {
        return customerId != null;
    }

    private static UUID customerOf(Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken token)
                || token.getAuthorities().stream().noneMatch(a -> a.getAuthority().equals(Role.CUSTOMER.authority()))) {
            return null;
        }
        try {
            return UUID.fromString(token.getName());
        } catch (IllegalArgumentException | NullPointerException notAnAccount) {
            // An external issuer's subject names no account here: its carts are guest carts.
            return null;
        }
    }
}
