package dev.emporium.identity;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Settings of tokens, keys and trusted issuers ({@code emporium.identity.*}); docs/authentication.md explains them. */
@ConfigurationProperties("emporium.identity")
public record IdentityProperties(
        @DefaultValue("emporium") String issuer,
        @DefaultValue("emporium-api") String audience,
        @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("30d") Duration refreshTokenTtl,
        @DefaultValue("30m") Duration passwordResetTtl,
        @DefaultValue("30s") Duration clockSkew,
        @DefaultValue("30s") Duration keyRefreshInterval,
        String masterKey,
        @DefaultValue("./data/master.key") Path masterKeyFile,
        @DefaultValue("12") int bcryptCost,
        @DefaultValue External external) {

    /**
     * An OIDC issuer whose tokens are trusted too; its role claim values map to Emporium roles. Its tokens must
     * name one of {@code audiences}: an issuer signs tokens for every client of its realm, and those made for
     * another application must not pass here.
     */
    public record External(
            String issuerUri,
            String jwkSetUri,
            List<String> audiences,
            @DefaultValue("roles") String rolesClaim,
            Map<String, String> roleMapping) {

        public External {
            if (issuerUri != null && !issuerUri.isBlank() && (audiences == null || audiences.isEmpty())) {
                throw new IllegalArgumentException("emporium.identity.external.audiences must name the audience Emporium's "
                        + "tokens carry at " + issuerUri + ": without it, tokens the issuer made for any other client would be accepted");
            }
        }

        public boolean enabled() {
            return issuerUri != null && !issuerUri.isBlank();
        }
    }
}
