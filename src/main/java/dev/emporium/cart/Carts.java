package dev.emporium.cart;

import java.util.Optional;
import java.util.UUID;

/** What checkout needs of carts. */
public interface Carts {

    /** The signed-in customer's cart, priced now; empty if they have none or it is empty. */
    Optional<CartSnapshot> ofCustomer(UUID customerId);

    /** Empties the cart after an order was placed from it, in the caller's transaction. */
    void checkedOut(UUID cartId);
}
