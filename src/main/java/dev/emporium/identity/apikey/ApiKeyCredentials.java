package dev.emporium.identity.apikey;

import dev.emporium.platform.security.AuthenticationContributor;
import dev.emporium.platform.web.ProblemWriter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.Filter;
import org.springframework.stereotype.Component;

/** Puts API-key authentication into the security chain. */
@Component
class ApiKeyCredentials implements AuthenticationContributor {

    private final ApiKeyAuthenticationFilter filter;

    ApiKeyCredentials(ApiKeys apiKeys, ProblemWriter problemWriter, MeterRegistry meters) {
        this.filter = new ApiKeyAuthenticationFilter(apiKeys, problemWriter, meters);
    }

    @Override
    public Filter authenticationFilter() {
        return filter;
    }
}
