package dev.emporium.catalog.admin;

import dev.emporium.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The failures of catalog administration, named as facts; each answers as a problem document. */
final class CatalogProblems {

    private CatalogProblems() {}

    static ErrorResponseException notFound(String what) {
        return new ErrorResponseException(HttpStatus.NOT_FOUND,
                Problems.of(HttpStatus.NOT_FOUND, "not-found", "No such " + what + "."), null);
    }

    static ErrorResponseException conflict(String slug, String detail) {
        return new ErrorResponseException(HttpStatus.CONFLICT, Problems.of(HttpStatus.CONFLICT, slug, detail), null);
    }

    static ErrorResponseException unprocessable(String slug, String detail) {
        return new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT,
                Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, slug, detail), null);
    }

    static ErrorResponseException ifMatchRequired() {
        return new ErrorResponseException(HttpStatus.PRECONDITION_REQUIRED, Problems.of(HttpStatus.PRECONDITION_REQUIRED,
                "if-match-required", "Send If-Match with the ETag of your last read, so no one's change is lost."), null);
    }

    static ErrorResponseException stale() {
        return new ErrorResponseException(HttpStatus.PRECONDITION_FAILED, Problems.of(HttpStatus.PRECONDITION_FAILED,
                "stale-version", "It changed since you read it: read it again and reapply your change."), null);
    }
}
