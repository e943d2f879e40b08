/**
 * Shopping carts: guest carts reached by an unguessable token, one cart per signed-in customer, the merge of a
 * guest cart into the customer's at sign-in, totals priced from the catalog on every read, and expiry after
 * inactivity. Checkout reads a customer's cart through {@link dev.emporium.cart.Carts}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cart")
package dev.emporium.cart;
