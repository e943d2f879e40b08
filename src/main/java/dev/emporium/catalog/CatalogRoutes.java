package dev.emporium.catalog;

import dev.emporium.identity.Role;
import dev.emporium.identity.Scope;
import dev.emporium.platform.security.RouteAuthorizations;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The storefront is public; catalog administration is for admins, catalog managers and catalog keys (a PIM feed). */
@Component
class CatalogRoutes implements RouteAuthorizations {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers(HttpMethod.GET, "/api/v1/products", "/api/v1/products/**", "/api/v1/search",
                        "/api/v1/categories").permitAll()
                .requestMatchers("/graphql").permitAll()
                .requestMatchers("/api/v1/admin/catalog/**").hasAnyAuthority(Role.ADMIN.authority(),
                        Role.CATALOG_MANAGER.authority(), Scope.CATALOG_WRITE.authority());
    }
}
