package dev.emporium.platform.security;

import dev.emporium.platform.web.ProblemWriter;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The one security filter chain: stateless (no session, no CSRF cookie; every request carries its own
 * credentials), bearer JWTs when a module provides a {@link JwtDecoder}, and each module's route rules.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            ProblemWriter problemWriter,
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
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(routes -> {
                    moduleRoutes.forEach(module -> module.configure(routes));
                    routes.requestMatchers("/api/data", "/error").permitAll()
                            .requestMatchers("/api/**").authenticated()
                            .anyRequest().permitAll();
                });
        credentialKinds.forEach(kind -> http.addFilterBefore(kind.authenticationFilter(), BearerTokenAuthenticationFilter.class));
        jwtDecoder.ifAvailable(decoder -> http.oauth2ResourceServer(server -> server
                .authenticationEntryPoint(problems)
                .accessDeniedHandler(problems)
                .jwt(jwt -> {
                    jwt.decoder(decoder);
                    jwtAuthentication.ifAvailable(jwt::jwtAuthenticationConverter);
                })));
        return http.build();
    }
}
