package dev.emporium.payments;

import dev.emporium.platform.web.Problems;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The provider cannot be reached (timeouts, errors, or its circuit is open): 503, try again after a while. */
public final class PaymentsUnavailable extends ErrorResponseException {

    PaymentsUnavailable(Duration retryAfter) {
        super(HttpStatus.SERVICE_UNAVAILABLE, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "payments-unavailable",
                "Payments cannot be taken right now; nothing was reserved or charged. Try again shortly."), null);
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
    }
}
