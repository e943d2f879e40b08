package dev.emporium.ordering;

import dev.emporium.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The refusals of ordering, named as facts. */
final class OrderProblems {

    private OrderProblems() {}

    static ErrorResponseException of(HttpStatus status, String slug, String detail) {
        return new ErrorResponseException(status, Problems.of(status, slug, detail), null);
    }

    static ErrorResponseException notFound() {
        return of(HttpStatus.NOT_FOUND, "not-found", "No such order.");
    }

    static ErrorResponseException illegalTransition(OrderStatus from, OrderStatus to) {
        return of(HttpStatus.CONFLICT, "illegal-transition",
                "An order that is " + from.column() + " cannot become " + to.column() + "; it can become " + from.next() + ".");
    }
}
