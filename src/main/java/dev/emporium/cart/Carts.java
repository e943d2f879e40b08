package dev.emporium.cart;

import java.util.Optional;
import java.util.UUID;

/** What checkout needs of carts. */
public interface Carts {

    /**
     * Takes the lines out of the signed-in customer's cart, priced now, in the caller's transaction (which must
     * exist): the cart stays locked until it ends, so a change made meanwhile waits and lands in the emptied cart. A
     * caller that does not place the order rolls back, and the lines are back. Empty if there is no cart or it is
     * empty.
     */
    Optional<CartSnapshot> checkOut(UUID customerId);
}
