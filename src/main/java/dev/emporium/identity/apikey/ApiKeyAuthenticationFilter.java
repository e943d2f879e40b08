package dev.emporium.identity.apikey;

import dev.emporium.platform.web.ProblemWriter;
import dev.emporium.platform.web.Problems;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates requests that carry {@code X-Api-Key}; a key that does not verify is a 401, never a fall-through. */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Api-Key";

    private final ApiKeys apiKeys;
    private final ProblemWriter problemWriter;
    private final Counter failures;

    ApiKeyAuthenticationFilter(ApiKeys apiKeys, ProblemWriter problemWriter, MeterRegistry meters) {
        this.apiKeys = apiKeys;
        this.problemWriter = problemWriter;
        this.failures = meters.counter("emporium.auth.failures", "reason", "api_key");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        if (presented == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiKeys.Verified> key = apiKeys.verify(presented.strip());
        if (key.isEmpty()) {
            failures.increment();
            problemWriter.write(request, response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized",
                    "The API key is unknown or revoked."));
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(new ApiKeyAuthentication(key.get()));
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
