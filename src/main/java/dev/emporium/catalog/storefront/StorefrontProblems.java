package dev.emporium.catalog.storefront;

import dev.emporium.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The storefront's refusals, named as facts. */
final class StorefrontProblems {

    private StorefrontProblems() {}

    static ErrorResponseException notFound(String what) {
        return new ErrorResponseException(HttpStatus.NOT_FOUND,
                Problems.of(HttpStatus.NOT_FOUND, "not-found", "No such " + what + "."), null);
    }

    static ErrorResponseException invalidCursor() {
        return badRequest("invalid-cursor", "The cursor is not one this API issued. Start again from the first page.");
    }

    static ErrorResponseException cursorOfAnotherQuery() {
        return badRequest("invalid-cursor", "The cursor belongs to a different query: keep the filters and sort of the page that gave it.");
    }

    static ErrorResponseException badRequest(String slug, String detail) {
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, Problems.of(HttpStatus.BAD_REQUEST, slug, detail), null);
    }
}
