package dev.emporium.ordering;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Set;

/**
 * An order's life: {@code pending_payment → paid → fulfilled → shipped → completed}. Cancelled only before it is
 * paid (its reserved stock goes back); once paid, refunded instead. Every other move is refused.
 */
public enum OrderStatus {
    PENDING_PAYMENT, PAID, FULFILLED, SHIPPED, COMPLETED, CANCELLED, REFUNDED;

    public Set<OrderStatus> next() {
        return switch (this) {
            case PENDING_PAYMENT -> Set.of(PAID, CANCELLED);
            case PAID -> Set.of(FULFILLED, REFUNDED);
            case FULFILLED -> Set.of(SHIPPED, REFUNDED);
            case SHIPPED -> Set.of(COMPLETED, REFUNDED);
            case COMPLETED -> Set.of(REFUNDED);
            case CANCELLED, REFUNDED -> Set.of();
        };
    }

    public boolean canMoveTo(OrderStatus target) {
        return next().contains(target);
    }

    @JsonValue
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static OrderStatus ofColumn(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
