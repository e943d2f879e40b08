package dev.emporium.ordering;

import dev.emporium.platform.web.FreeText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Orders for staff ({@code admin}, {@code order_manager}): search, and moves through the state machine. */
@RestController
@Tag(name = "Order administration")
@SecurityRequirement(name = "bearer")
class StaffOrderController {

    private final Orders orders;
    private final OrderStore store;

    StaffOrderController(Orders orders, OrderStore store) {
        this.orders = orders;
        this.store = store;
    }

    record Transition(@NotNull OrderStatus to, @Size(max = 500) @FreeText(multiline = true) String reason) {

        /** The reason given; a cancellation without one says staff cancelled, as the stock it gives back must say why. */
        String reasonOrDefault() {
            if (reason != null && !reason.isBlank()) {
                return reason.strip();
            }
            return to == OrderStatus.CANCELLED ? CANCELLED_BY_STAFF : null;
        }
    }

    static final String CANCELLED_BY_STAFF = "cancelled by staff";

    @GetMapping("/api/v1/admin/orders")
    @Operation(summary = "Search orders by status, date (from inclusive, to exclusive, ISO 8601) and customer, newest first")
    OrderPages.Page search(@RequestParam(required = false) String status, @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to, @RequestParam(required = false) UUID customer,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        int size = OrderPages.limit(limit);
        return OrderPages.of(store.search(customer, status == null ? null : OrderPages.status(status),
                OrderPages.storable("from", from), OrderPages.storable("to", to), OrderPages.decode(cursor), size + 1), size);
    }

    @GetMapping("/api/v1/admin/orders/{id}")
    @Operation(summary = "Read any order")
    OrderView one(@PathVariable UUID id) {
        return orders.get(id);
    }

    @PostMapping("/api/v1/admin/orders/{id}/transitions")
    @Operation(summary = "Move an order", description = "pending_payment → cancelled; paid → fulfilled → shipped → completed; "
            + "refunded from paid on. Any other move: 409. The reason is optional; a cancellation without one is recorded "
            + "as \"" + CANCELLED_BY_STAFF + "\".")
    OrderView move(@PathVariable UUID id, @Valid @RequestBody Transition transition, Authentication caller) {
        return orders.move(id, transition.to(), caller.getName(), transition.reasonOrDefault());
    }
}
