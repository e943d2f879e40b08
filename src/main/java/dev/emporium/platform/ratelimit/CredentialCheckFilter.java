package dev.emporium.platform.ratelimit;

import dev.emporium.platform.web.ProblemWriter;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;

/**
 * Before Spring Security checks a request's credentials: a request with {@link UncheckedCredentials} takes a token
 * from its client address's {@value #PLAN} bucket, and gets 429 without any check when there is none. Requests whose
 * credentials passed before on this instance, or that carry none, pass straight on to {@link RateLimitFilter}.
 */
final class CredentialCheckFilter implements Filter {

    static final String PLAN = "credential-check";

    /** Just before Spring Security's filter chain, where the credentials are checked. */
    static final int ORDER = SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10;

    private final List<UncheckedCredentials> credentials;
    private final RateLimiter limiter;
    private final ClientAddresses addresses;
    private final ProblemWriter problemWriter;

    CredentialCheckFilter(List<UncheckedCredentials> credentials, RateLimiter limiter, ClientAddresses addresses,
            ProblemWriter problemWriter) {
        this.credentials = List.copyOf(credentials);
        this.limiter = limiter;
        this.addresses = addresses;
        this.problemWriter = problemWriter;
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        // A request that may go on gets no headers here: RateLimitFilter writes those of the request's own plan.
        if (servletRequest instanceof HttpServletRequest request && servletResponse instanceof HttpServletResponse response
                && carriesUncheckedCredentials(request)
                && RateLimitResponses.takeOrAnswer(limiter, addresses.keyOf(request), PLAN, request, response, problemWriter) == null) {
            return;
        }
        chain.doFilter(servletRequest, servletResponse);
    }

    private boolean carriesUncheckedCredentials(HttpServletRequest request) {
        for (UncheckedCredentials kind : credentials) {
            if (kind.carriedBy(request)) {
                return true;
            }
        }
        return false;
    }
}
