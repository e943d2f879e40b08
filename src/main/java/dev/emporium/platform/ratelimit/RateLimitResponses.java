package dev.emporium.platform.ratelimit;

import dev.emporium.platform.web.ProblemWriter;
import dev.emporium.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The headers and problems of rate limiting, the same from the filters and from a controller's exception. */
final class RateLimitResponses {

    static final String LIMIT = "RateLimit-Limit";
    static final String REMAINING = "RateLimit-Remaining";
    static final String RESET = "RateLimit-Reset";
    /** How long a client waits when the rate-limit store is down and the policy is fail-closed. */
    static final String UNAVAILABLE_RETRY_AFTER = "1";

    private RateLimitResponses() {}

    /**
     * Takes one token of {@code plan} for {@code key} on behalf of a filter. When the request may not go on, it is
     * answered here (429 with this limit's headers, or 503 when the store is down and the policy is fail-closed) and
     * null comes back; otherwise the decision, whose headers are the caller's to write or not.
     */
    static RateLimitDecision takeOrAnswer(RateLimiter limiter, String key, String plan, HttpServletRequest request,
            HttpServletResponse response, ProblemWriter problemWriter) throws IOException {
        RateLimitDecision decision;
        try {
            decision = limiter.tryConsume(key, plan);
        } catch (RateLimitUnavailableException storeDown) {
            problemWriter.write(request, response, unavailable(response));
            return null;
        }
        if (!decision.allowed()) {
            writeHeaders(response, decision);
            problemWriter.write(request, response, tooManyRequests(decision));
            return null;
        }
        return decision;
    }

    static void writeHeaders(HttpServletResponse response, RateLimitDecision decision) {
        response.setHeader(LIMIT, Long.toString(decision.limit()));
        response.setHeader(REMAINING, Long.toString(decision.remaining()));
        response.setHeader(RESET, Long.toString(decision.resetSeconds()));
        if (!decision.allowed()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
        }
    }

    static ProblemDetail tooManyRequests(RateLimitDecision decision) {
        return Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                "The rate limit of %d requests is used up; retry in %d second%s."
                        .formatted(decision.limit(), decision.retryAfterSeconds(), decision.retryAfterSeconds() == 1 ? "" : "s"));
    }

    static ProblemDetail unavailable(HttpServletResponse response) {
        response.setHeader(HttpHeaders.RETRY_AFTER, UNAVAILABLE_RETRY_AFTER);
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "rate-limit-unavailable",
                "Requests cannot be counted against their rate limit right now; retry shortly.");
    }
}
