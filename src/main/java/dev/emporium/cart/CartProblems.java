package dev.emporium.cart;

import dev.emporium.platform.web.Problems;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The cart's refusals, named as facts. */
final class CartProblems {

    private CartProblems() {}

    /** The same answer for no cart, an expired one, a wrong token and somebody else's: existence is never revealed. */
    static ErrorResponseException noCart() {
        return new ErrorResponseException(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, "not-found",
                "No such cart. Start one with POST /api/v1/cart; guests send its token in X-Cart-Token."), null);
    }

    static ErrorResponseException nothingToRemove() {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation-failed", "The request has 1 invalid field.");
        problem.setProperty("errors", List.of(Map.of("field", "quantity",
                "message", "must be between 1 and 99 for a variant that is not in the cart")));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    static ErrorResponseException unknownVariant() {
        return unprocessable("unknown-variant", "No variant has this id.");
    }

    static ErrorResponseException notPurchasable() {
        return unprocessable("variant-not-purchasable", "This variant cannot be bought now.");
    }

    static ErrorResponseException cartFull(int maxLines) {
        return unprocessable("cart-full", "A cart holds at most " + maxLines + " lines.");
    }

    static ErrorResponseException unsupportedCountry(Collection<String> served) {
        return unprocessable("unsupported-country", "The shop ships to " + String.join(", ", new TreeSet<>(served)) + " only.");
    }

    static ErrorResponseException unknownShippingOption(Collection<String> offered) {
        return unprocessable("unknown-shipping-option", "The shipping options are " + String.join(", ", new TreeSet<>(offered)) + ".");
    }

    private static ErrorResponseException unprocessable(String slug, String detail) {
        return new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT,
                Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, slug, detail), null);
    }
}
