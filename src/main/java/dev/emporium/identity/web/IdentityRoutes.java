package dev.emporium.identity.web;

import dev.emporium.identity.Role;
import dev.emporium.platform.security.RouteAuthorizations;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Who may call identity's routes. */
@Component
class IdentityRoutes implements RouteAuthorizations {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers(HttpMethod.POST, "/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/refresh",
                        "/api/v1/auth/logout", "/api/v1/auth/password-reset", "/api/v1/auth/password-reset/confirm").permitAll()
                .requestMatchers("/.well-known/jwks.json").permitAll()
                .requestMatchers("/api/v1/admin/customers/**", "/api/v1/admin/staff", "/api/v1/admin/keys/**",
                        "/api/v1/admin/api-keys/**").hasRole(Role.ADMIN.claim());
    }
}
