package dev.emporium.identity.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.emporium.identity.IdentityProperties;
import dev.emporium.identity.Role;
import dev.emporium.platform.ratelimit.UncheckedCredentials;
import dev.emporium.platform.security.AuthorizationHeaderBearerTokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestTemplate;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * How every instance checks a bearer token, locally: the signature against the published keys (ES256 only, so
 * {@code alg: none} and HMAC tricks fail), the key id, {@code typ}, issuer, audience, and the validity window
 * with a small clock skew. Tokens of a configured external OIDC issuer are checked against its keys instead.
 */
@Configuration(proxyBeanMethods = false)
class TokenDecoding {

    /** Before an external issuer's subject in the caller's name. */
    static final String EXTERNAL_PREFIX = "external:";

    /** Emporium's own tokens, each verified once per instance and then remembered. */
    @Bean
    VerifiedTokens verifiedTokens(SigningKeys keys, IdentityProperties properties, Clock clock) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(AccessTokens.TYPE));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, (selector, context) -> keys.select(selector)));
        // Claims are checked by the validators below, with Spring's messages and our clock skew.
        processor.setJWTClaimsSetVerifier((claims, context) -> {});
        NimbusJwtDecoder own = new NimbusJwtDecoder(processor);
        own.setJwtValidator(validators(properties.issuer(), List.of(properties.audience()), properties));
        return new VerifiedTokens(own, keys::publishes, clock);
    }

    /** The one decoder Spring Security uses: Emporium's own tokens, or the external issuer's when configured. */
    @Bean
    @Primary
    JwtDecoder jwtDecoder(VerifiedTokens ownTokens, IdentityProperties properties, MeterRegistry meters) {
        JwtDecoder external = properties.external().enabled() ? externalDecoder(properties) : null;
        return new CountingDecoder(token -> isExternal(token, properties) ? external.decode(token) : ownTokens.decode(token), meters);
    }

    /**
     * A bearer token of Emporium's own that this instance has not verified yet costs a signature check, and so a
     * token from the client address's credential-check bucket. A malformed token is refused without a check; tokens
     * of the external issuer are left to its limits.
     */
    @Bean
    UncheckedCredentials unverifiedBearerTokens(VerifiedTokens ownTokens, IdentityProperties properties) {
        return request -> {
            String token = AuthorizationHeaderBearerTokens.wellFormedTokenOf(request);
            return token != null && !ownTokens.remembers(token) && !isExternal(token, properties);
        };
    }

    private static boolean isExternal(String token, IdentityProperties properties) {
        return properties.external().enabled()
                && properties.external().issuerUri().equals(unverifiedIssuer(token).orElse(null));
    }

    @Bean
    Converter<Jwt, ? extends AbstractAuthenticationToken> jwtAuthentication(IdentityProperties properties) {
        IdentityProperties.External external = properties.external();
        return jwt -> {
            boolean fromExternal = external.enabled() && external.issuerUri().equals(jwt.getClaimAsString("iss"));
            Collection<GrantedAuthority> authorities = new ArrayList<>();
            List<String> claimed = Optional.ofNullable(jwt.getClaimAsStringList(fromExternal ? external.rolesClaim() : AccessTokens.ROLES_CLAIM))
                    .orElse(List.of());
            Map<String, String> mapping = external.roleMapping() == null ? Map.of() : external.roleMapping();
            for (String value : claimed) {
                String emporiumRole = fromExternal ? mapping.get(value) : value;
                Role.fromClaim(emporiumRole).ifPresent(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
            }
            // An external subject is named apart, as API keys are: it must never read as one of our account ids.
            return new JwtAuthenticationToken(jwt, authorities, fromExternal ? EXTERNAL_PREFIX + jwt.getSubject() : jwt.getSubject());
        };
    }

    private static JwtDecoder externalDecoder(IdentityProperties properties) {
        IdentityProperties.External external = properties.external();
        // The issuer is a remote call: bounded, so a slow provider cannot hold requests hostage.
        SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(Duration.ofSeconds(2));
        timeouts.setReadTimeout(Duration.ofSeconds(3));
        RestTemplate http = new RestTemplate(timeouts);
        NimbusJwtDecoder decoder = external.jwkSetUri() != null && !external.jwkSetUri().isBlank()
                ? NimbusJwtDecoder.withJwkSetUri(external.jwkSetUri()).restOperations(http).build()
                : NimbusJwtDecoder.withIssuerLocation(external.issuerUri()).restOperations(http).build();
        decoder.setJwtValidator(validators(external.issuerUri(), external.audiences(), properties));
        return decoder;
    }

    private static OAuth2TokenValidator<Jwt> validators(String issuer, List<String> audiences, IdentityProperties properties) {
        List<OAuth2TokenValidator<Jwt>> all = new ArrayList<>();
        all.add(new JwtTimestampValidator(properties.clockSkew()));
        all.add(new JwtClaimValidator<Instant>("exp", Objects::nonNull));
        all.add(new JwtIssuerValidator(issuer));
        all.add(new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.stream().anyMatch(audiences::contains)));
        return new DelegatingOAuth2TokenValidator<>(all);
    }

    private static Optional<String> unverifiedIssuer(String token) {
        try {
            return Optional.ofNullable(JWTParser.parse(token).getJWTClaimsSet().getIssuer());
        } catch (ParseException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** Counts each refused token by reason, for the dashboards; the client only ever sees 401. */
    private record CountingDecoder(JwtDecoder delegate, MeterRegistry meters) implements JwtDecoder {
        @Override
        public Jwt decode(String token) throws JwtException {
            try {
                return delegate.decode(token);
            } catch (JwtException failure) {
                meters.counter("emporium.auth.failures", "reason", reasonOf(failure)).increment();
                throw failure;
            }
        }

        private static String reasonOf(JwtException failure) {
            if (failure instanceof JwtValidationException invalid) {
                String errors = invalid.getErrors().toString();
                if (errors.contains("expired")) return "expired";
                if (errors.contains("iss")) return "issuer";
                if (errors.contains("aud")) return "audience";
                if (errors.contains("nbf") || errors.contains("before")) return "not_yet_valid";
                return "claims";
            }
            String message = String.valueOf(failure.getMessage());
            if (message.contains("Malformed") || message.contains("parse")) return "malformed";
            if (message.contains("Signed JWT rejected") || message.contains("signature")) return "signature";
            if (message.contains("type")) return "type";
            if (failure instanceof BadJwtException) return "rejected";
            return "other";
        }
    }
}
