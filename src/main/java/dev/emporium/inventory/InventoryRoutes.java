package dev.emporium.inventory;

import dev.emporium.identity.Role;
import dev.emporium.identity.Scope;
import dev.emporium.platform.security.RouteAuthorizations;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Stock is administered by the people who run the catalog, and by systems with an inventory key (a warehouse). */
@Component
class InventoryRoutes implements RouteAuthorizations {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers(HttpMethod.GET, "/api/v1/admin/inventory/**").hasAnyAuthority(Role.ADMIN.authority(),
                        Role.CATALOG_MANAGER.authority(), Scope.INVENTORY_READ.authority(), Scope.INVENTORY_WRITE.authority())
                .requestMatchers("/api/v1/admin/inventory/**").hasAnyAuthority(Role.ADMIN.authority(),
                        Role.CATALOG_MANAGER.authority(), Scope.INVENTORY_WRITE.authority());
    }
}
