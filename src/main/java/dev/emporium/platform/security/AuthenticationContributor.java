package dev.emporium.platform.security;

import jakarta.servlet.Filter;

/**
 * A module's own kind of credential (an API key header, say), checked in the security chain just before bearer
 * tokens. The filter is made by the contributor, not declared as a bean, so it runs only inside the chain.
 */
@FunctionalInterface
public interface AuthenticationContributor {

    Filter authenticationFilter();
}
