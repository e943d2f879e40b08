package dev.emporium.inventory;

import dev.emporium.identity.Role;
import dev.emporium.platform.security.RouteAuthorizations;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Stock is administered by the people who run the catalog. */
@Component
class InventoryRoutes implements RouteAuthorizations {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers("/api/v1/admin/inventory/**").hasAnyRole(Role.ADMIN.claim(), Role.CATALOG_MANAGER.claim());
    }
}
