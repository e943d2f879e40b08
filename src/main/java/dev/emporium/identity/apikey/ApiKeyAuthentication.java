package dev.emporium.identity.apikey;

import dev.emporium.platform.ratelimit.RateLimitedClient;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request made with a verified API key: its scopes are the authorities ({@code SCOPE_catalog:read}). */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken implements RateLimitedClient {

    private final ApiKeys.Verified key;

    ApiKeyAuthentication(ApiKeys.Verified key) {
        super(key.scopes().stream().map(scope -> new SimpleGrantedAuthority("SCOPE_" + scope)).toList());
        this.key = key;
        setAuthenticated(true);
    }

    public ApiKeys.Verified key() {
        return key;
    }

    /** Never the secret: the key was proven and that is all anyone downstream needs. */
    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return key.id();
    }

    @Override
    public String getName() {
        return "apikey:" + key.id();
    }

    public List<String> scopes() {
        return key.scopes();
    }

    /** Each key has its own bucket, sized by the plan it was created with. */
    @Override
    public String rateLimitKey() {
        return "apikey:" + key.id();
    }

    @Override
    public String rateLimitPlan() {
        return key.plan();
    }
}
