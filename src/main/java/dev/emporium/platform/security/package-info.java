/** The one security filter chain; modules contribute their route rules through {@link dev.emporium.platform.security.RouteAuthorizations}. */
@org.springframework.modulith.NamedInterface("security")
package dev.emporium.platform.security;
