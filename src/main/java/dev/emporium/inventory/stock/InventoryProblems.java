package dev.emporium.inventory.stock;

import dev.emporium.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The refusals of stock administration, named as facts; each answers as a problem document. */
final class InventoryProblems {

    private InventoryProblems() {}

    static ErrorResponseException unknownVariant() {
        return new ErrorResponseException(HttpStatus.NOT_FOUND,
                Problems.of(HttpStatus.NOT_FOUND, "not-found", "No such variant."), null);
    }

    static ErrorResponseException insufficientStock(int onHand, int reserved, int delta) {
        return new ErrorResponseException(HttpStatus.CONFLICT, Problems.of(HttpStatus.CONFLICT, "insufficient-stock",
                "On hand is %d with %d reserved: an adjustment of %d would leave less on hand than is reserved."
                        .formatted(onHand, reserved, delta)), null);
    }

    static ErrorResponseException stockLimit(int onHand, int delta) {
        return new ErrorResponseException(HttpStatus.CONFLICT, Problems.of(HttpStatus.CONFLICT, "stock-limit",
                "On hand is %d: an adjustment of %d would pass the most one variant can hold (%d)."
                        .formatted(onHand, delta, Integer.MAX_VALUE)), null);
    }
}
