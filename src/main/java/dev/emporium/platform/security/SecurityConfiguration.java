package dev.emporium.platform.security;

import dev.emporium.platform.EmporiumProperties;
import dev.emporium.platform.web.ProblemWriter;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The one security filter chain: stateless (no session, no CSRF cookie; every request carries its own
 * credentials), bearer JWTs when a module provides a {@link JwtDecoder}, and each module's route rules.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
class SecurityConfiguration {

    /**
     * No observation per security filter, authentication and authorisation: together they cost more than the request
     * they observe, and the request's own observation (metrics and trace) covers the chain. Without this setting,
     * Spring Security wraps every filter in an observing decorator, which a disabled observation name still pays for.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Authentication outcomes are not published as application events: nothing here listens to them, yet each
     * bearer request paid for publishing one to every listener of the context. Failures are counted where a token is
     * checked ({@code emporium_auth_failures_total}); a listener that wants the events can replace this bean.
     */
    @Bean
    AuthenticationEventPublisher authenticationEventPublisher() {
        return new AuthenticationEventPublisher() {
            @Override
            public void publishAuthenticationSuccess(Authentication authentication) {}

            @Override
            public void publishAuthenticationFailure(AuthenticationException exception, Authentication authentication) {}
        };
    }

    /** Spring Security's strict firewall, with a header-value check that does not cost a regular expression per read. */
    @Bean
    WebSecurityCustomizer headerValueFirewall() {
        return web -> web.httpFirewall(HeaderValues.firewall());
    }

    @Bean
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            ProblemWriter problemWriter,
            EmporiumProperties properties,
            List<RouteAuthorizations> moduleRoutes,
            List<AuthenticationContributor> credentialKinds,
            ObjectProvider<JwtDecoder> jwtDecoder,
            ObjectProvider<Converter<Jwt, ? extends AbstractAuthenticationToken>> jwtAuthentication) throws Exception {
        ProblemAuthenticationHandlers problems = new ProblemAuthenticationHandlers(problemWriter);
        http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.requireExplicitSave(true))
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> {})
                .headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .cors(cors -> {
                    if (properties.http().corsAllowedOrigins().isEmpty()) {
                        cors.disable();
                    } else {
                        cors.configurationSource(corsFor(properties.http().corsAllowedOrigins()));
                    }
                })
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(routes -> {
                    moduleRoutes.forEach(module -> module.configure(routes));
                    routes.requestMatchers("/api/data", "/error").permitAll()
                            .requestMatchers("/api/**").authenticated()
                            .anyRequest().permitAll();
                });
        credentialKinds.forEach(kind -> http.addFilterBefore(kind.authenticationFilter(), BearerTokenAuthenticationFilter.class));
        jwtDecoder.ifAvailable(decoder -> http.oauth2ResourceServer(server -> server
                .bearerTokenResolver(new AuthorizationHeaderBearerTokens())
                .authenticationEntryPoint(problems)
                .accessDeniedHandler(problems)
                .jwt(jwt -> {
                    jwt.decoder(decoder);
                    jwtAuthentication.ifAvailable(jwt::jwtAuthenticationConverter);
                })));
        return http.build();
    }

    /** Only the configured origins, only the headers the API uses, and the response headers clients need to read. */
    private static CorsConfigurationSource corsFor(List<String> origins) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(origins);
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "X-Api-Key", "X-Request-Id", "Idempotency-Key",
                "If-Match", "If-None-Match", "X-Cart-Token"));
        cors.setExposedHeaders(List.of("X-Request-Id", "ETag", "Location", "Retry-After", "RateLimit-Limit",
                "RateLimit-Remaining", "RateLimit-Reset"));
        cors.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }
}
