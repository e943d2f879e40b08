package dev.emporium.ordering;

import dev.emporium.cart.CartLine;
import dev.emporium.cart.CartSnapshot;
import dev.emporium.cart.Carts;
import dev.emporium.catalog.Money;
import dev.emporium.inventory.Inventory;
import dev.emporium.inventory.StockLine;
import dev.emporium.payments.PaymentIntent;
import dev.emporium.payments.Payments;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the customer's cart into an order awaiting payment, in one transaction: the idempotency key is claimed,
 * the cart's lines taken, the order written, a payment intent opened and stock reserved (all or nothing). Anything that
 * fails rolls all of it back: no stock stays held for an order that does not exist, no intent stays open for it,
 * and the key is free again.
 */
@Service
class Checkout {

    private final IdempotencyKeys keys;
    private final Carts carts;
    private final Inventory inventory;
    private final Payments payments;
    private final OrderStore orders;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Duration hold;

    Checkout(IdempotencyKeys keys, Carts carts, Inventory inventory, Payments payments, OrderStore orders,
            ApplicationEventPublisher events, JsonMapper json, OrderingProperties properties) {
        this.keys = keys;
        this.carts = carts;
        this.inventory = inventory;
        this.payments = payments;
        this.orders = orders;
        this.events = events;
        this.json = json;
        this.hold = properties.reservationHold();
    }

    /**
     * What the customer sends: where to ship, and optionally the total they saw, so a price that changed since is
     * not charged silently.
     */
    record Request(Long expectedTotal, @NotNull @Valid ShippingAddress shippingAddress) {}

    /** The answer: the order and how to pay it. */
    record Placed(OrderView order, PaymentIntent payment) {}

    /** The stored or new answer to this key's request. */
    @Transactional
    IdempotencyKeys.Response place(UUID customerId, String key, String requestBody, Request request) {
        Optional<IdempotencyKeys.Response> stored = keys.claim(customerId, key, requestBody);
        if (stored.isPresent()) {
            return stored.get();
        }
        Placed placed = placeOrder(customerId, request);
        IdempotencyKeys.Response answer = new IdempotencyKeys.Response(201, json.writeValueAsString(placed));
        keys.answer(customerId, key, answer);
        // Stock rows are what concurrent checkouts of one item queue for: they are locked last, right before the
        // commit, so each checkout holds them for the commit only, never while the provider answers. Short of stock,
        // all of the above rolls back and the payment intent is given up (Payments.createIntent).
        inventory.reserve(placed.order().id(), placed.order().lines().stream()
                .map(line -> new StockLine(line.variantId(), line.quantity())).toList(), hold);
        return answer;
    }

    private Placed placeOrder(UUID customerId, Request request) {
        CartSnapshot cart = carts.checkOut(customerId)
                .orElseThrow(() -> OrderProblems.of(HttpStatus.UNPROCESSABLE_CONTENT, "empty-cart", "Your cart is empty."));
        if (cart.country() == null || cart.shippingOption() == null) {
            throw OrderProblems.of(HttpStatus.UNPROCESSABLE_CONTENT, "shipping-not-chosen",
                    "Choose where and how to ship (PUT /api/v1/cart/shipping) before checking out.");
        }
        if (!request.shippingAddress().country().equals(cart.country())) {
            throw OrderProblems.of(HttpStatus.UNPROCESSABLE_CONTENT, "address-country-mismatch",
                    "The cart's tax and shipping are for " + cart.country() + ", the address is in "
                            + request.shippingAddress().country() + ": choose that country for the cart (PUT /api/v1/cart/shipping) or correct the address.");
        }
        List<CartLine> unavailable = cart.lines().stream().filter(line -> !line.purchasable()).toList();
        if (!unavailable.isEmpty()) {
            throw OrderProblems.of(HttpStatus.CONFLICT, "unavailable-items",
                    "Some items can no longer be bought: " + unavailable.stream().map(CartLine::sku).toList() + ". Remove them and try again.");
        }
        Money total = cart.totals().grandTotal();
        if (request.expectedTotal() != null && request.expectedTotal() != total.amount()) {
            throw OrderProblems.of(HttpStatus.CONFLICT, "prices-changed",
                    "The total is now " + total.amount() + " " + total.currency() + ", not " + request.expectedTotal()
                            + ": review the cart and check out again.");
        }
        UUID orderId = UUID.randomUUID();
        OrderView order = orders.insert(new OrderStore.NewOrder(orderId, customerId, total.currency(),
                cart.totals().subtotal().amount(), cart.totals().tax().amount(), cart.totals().shipping().amount(),
                total.amount(), cart.country(), cart.shippingOption(), request.shippingAddress(),
                cart.lines().stream().map(line -> new OrderView.Line(line.variantId(), line.sku(), line.title(),
                        line.quantity(), line.unitPrice(), line.lineTotal())).toList()));
        events.publishEvent(new OrderPlaced(orderId, order.number(), customerId, total));
        return new Placed(order, payments.createIntent(orderId, total));
    }
}
