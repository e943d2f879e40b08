package dev.emporium.identity.apikey;

import dev.emporium.platform.ratelimit.UncheckedCredentials;
import dev.emporium.platform.security.AuthenticationContributor;
import dev.emporium.platform.web.ProblemWriter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * Puts API-key authentication into the security chain. A key this instance has not loaded lately costs a database
 * read to check, so such requests take a token from their client address's credential-check bucket first: made-up
 * keys cannot read the database without limit.
 */
@Component
class ApiKeyCredentials implements AuthenticationContributor, UncheckedCredentials {

    private final ApiKeys apiKeys;
    private final ApiKeyAuthenticationFilter filter;

    ApiKeyCredentials(ApiKeys apiKeys, ProblemWriter problemWriter, MeterRegistry meters) {
        this.apiKeys = apiKeys;
        this.filter = new ApiKeyAuthenticationFilter(apiKeys, problemWriter, meters);
    }

    @Override
    public boolean carriedBy(HttpServletRequest request) {
        String presented = request.getHeader(ApiKeyAuthenticationFilter.HEADER);
        return presented != null && !apiKeys.checksCheaply(presented.strip());
    }

    @Override
    public Filter authenticationFilter() {
        return filter;
    }
}
