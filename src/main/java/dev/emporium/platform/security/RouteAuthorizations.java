package dev.emporium.platform.security;

import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A module's access rules for its own routes, contributed to the one security filter chain. Rules not
 * claimed by any module fall back to: {@code /api/**} needs authentication, everything else is open.
 */
@FunctionalInterface
public interface RouteAuthorizations {

    void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry routes);
}
