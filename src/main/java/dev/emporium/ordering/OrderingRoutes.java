package dev.emporium.ordering;

import dev.emporium.identity.Role;
import dev.emporium.identity.Scope;
import dev.emporium.platform.security.RouteAuthorizations;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Customers check out and see their orders; admins and order managers handle everyone's, and so do systems with an
 * orders key (a fulfilment partner reads them, or moves them on as it ships).
 */
@Component
class OrderingRoutes implements RouteAuthorizations {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers("/api/v1/checkout", "/api/v1/orders", "/api/v1/orders/**").hasRole(Role.CUSTOMER.claim())
                .requestMatchers(HttpMethod.GET, "/api/v1/admin/orders", "/api/v1/admin/orders/**")
                .hasAnyAuthority(Role.ADMIN.authority(), Role.ORDER_MANAGER.authority(), Scope.ORDERS_READ.authority(),
                        Scope.ORDERS_WRITE.authority())
                .requestMatchers("/api/v1/admin/orders", "/api/v1/admin/orders/**")
                .hasAnyAuthority(Role.ADMIN.authority(), Role.ORDER_MANAGER.authority(), Scope.ORDERS_WRITE.authority());
    }
}
