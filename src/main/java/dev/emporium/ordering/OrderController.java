package dev.emporium.ordering;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A customer's own orders. Someone else's order is answered as if it did not exist. */
@RestController
@Tag(name = "Checkout and orders")
@SecurityRequirement(name = "bearer")
class OrderController {

    private final Orders orders;
    private final OrderStore store;

    OrderController(Orders orders, OrderStore store) {
        this.orders = orders;
        this.store = store;
    }

    @GetMapping("/api/v1/orders")
    @Operation(summary = "Your orders, newest first")
    OrderPages.Page mine(@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
            Authentication caller) {
        int size = OrderPages.limit(limit);
        return OrderPages.of(store.search(Customers.idOf(caller), null, null, null, OrderPages.decode(cursor), size + 1), size);
    }

    @GetMapping("/api/v1/orders/{id}")
    @Operation(summary = "One of your orders")
    OrderView one(@PathVariable UUID id, Authentication caller) {
        return own(id, caller);
    }

    @PostMapping("/api/v1/orders/{id}/cancel")
    @Operation(summary = "Cancel one of your orders before it is paid", description = "Its reserved stock goes back. Paid: 409.")
    OrderView cancel(@PathVariable UUID id, Authentication caller) {
        own(id, caller);
        return orders.move(id, OrderStatus.CANCELLED, "customer", "cancelled by the customer");
    }

    private OrderView own(UUID id, Authentication caller) {
        OrderView order = store.find(id).orElseThrow(OrderProblems::notFound);
        if (!order.customerId().equals(Customers.idOf(caller))) {
            throw OrderProblems.notFound();
        }
        return order;
    }
}
