package dev.emporium.platform.ratelimit;

import dev.emporium.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A limit a module checks itself (sign-in attempts per account) ends here when exceeded: 429 with the headers of
 * that limit, replacing the ones the filter wrote for the request's own bucket. Ordered before the catch-all advice.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RateLimitAdvice {

    @ExceptionHandler(RateLimitExceededException.class)
    ResponseEntity<ProblemDetail> rateLimited(RateLimitExceededException exceeded, HttpServletRequest request,
            HttpServletResponse response) {
        RateLimitResponses.writeHeaders(response, exceeded.decision());
        return problem(HttpStatus.TOO_MANY_REQUESTS, RateLimitResponses.tooManyRequests(exceeded.decision()), request);
    }

    @ExceptionHandler(RateLimitUnavailableException.class)
    ResponseEntity<ProblemDetail> storeDown(RateLimitUnavailableException unavailable, HttpServletRequest request,
            HttpServletResponse response) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, RateLimitResponses.unavailable(response), request);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, ProblemDetail problem, HttpServletRequest request) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.complete(problem, request));
    }
}
