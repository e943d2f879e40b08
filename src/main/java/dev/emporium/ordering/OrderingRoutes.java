package dev.emporium.ordering;

import dev.emporium.identity.Role;
import dev.emporium.platform.security.RouteAuthorizations;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Customers check out and see their orders; admins and order managers handle everyone's. */
@Component
class OrderingRoutes implements RouteAuthorizations {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers("/api/v1/checkout", "/api/v1/orders", "/api/v1/orders/**").hasRole(Role.CUSTOMER.claim())
                .requestMatchers("/api/v1/admin/orders", "/api/v1/admin/orders/**")
                .hasAnyRole(Role.ADMIN.claim(), Role.ORDER_MANAGER.claim());
    }
}
