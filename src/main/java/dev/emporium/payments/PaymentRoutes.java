package dev.emporium.payments;

import dev.emporium.platform.security.RouteAuthorizations;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Webhooks prove themselves by signature, and the test provider's confirmation by the intent's client secret. */
@Component
class PaymentRoutes implements RouteAuthorizations {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers(HttpMethod.POST, "/api/v1/payments/webhooks/*",
                "/api/v1/payments/test-provider/intents/*/confirm").permitAll();
    }
}
