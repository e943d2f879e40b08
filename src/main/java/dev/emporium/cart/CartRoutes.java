package dev.emporium.cart;

import dev.emporium.platform.security.RouteAuthorizations;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Carts are public routes: a guest has no account, only a cart token; the cart itself decides who reaches it. */
@Component
class CartRoutes implements RouteAuthorizations {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers("/api/v1/cart", "/api/v1/cart/**").permitAll();
    }
}
