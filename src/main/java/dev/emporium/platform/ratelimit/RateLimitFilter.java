package dev.emporium.platform.ratelimit;

import dev.emporium.platform.web.ProblemWriter;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Takes a token for every request on the API port and answers 429 when there is none. It runs just inside
 * Spring Security's filter chain, so it knows who is calling: a {@link RateLimitedClient} (an API key) uses its
 * own key and plan, a signed-in user {@code user:<name>} under {@code customer} or {@code staff}, anyone else
 * the client address under {@code anonymous}. A route with a plan of its own (sign-in) is counted per address.
 */
final class RateLimitFilter implements Filter {

    /** Right after Spring Security's filter chain, so the authentication is known. */
    static final int ORDER = SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10;

    private final RateLimiter limiter;
    private final RateLimitPlans plans;
    private final RoutePlans routes;
    private final ClientAddresses addresses;
    private final Set<String> staffAuthorities;
    private final ProblemWriter problemWriter;

    RateLimitFilter(RateLimiter limiter, RateLimitPlans plans, RateLimitProperties properties, ProblemWriter problemWriter) {
        this.limiter = limiter;
        this.plans = plans;
        this.routes = new RoutePlans(properties.routes());
        this.addresses = new ClientAddresses(properties.trustedProxies());
        this.staffAuthorities = properties.staffAuthorities();
        this.problemWriter = problemWriter;
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        if (!(servletRequest instanceof HttpServletRequest request) || !(servletResponse instanceof HttpServletResponse response)) {
            chain.doFilter(servletRequest, servletResponse);
            return;
        }
        String key;
        String plan = routes.planOf(request);
        if (plan != null) {
            key = addresses.keyOf(request);
        } else {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            RateLimitedClient client = clientOf(authentication);
            if (client != null) {
                key = client.rateLimitKey();
                // A plan that is not configured gets the smallest default rather than no limit at all.
                plan = plans.contains(client.rateLimitPlan()) ? client.rateLimitPlan() : RateLimitPlans.ANONYMOUS;
            } else if (authentication != null && authentication.isAuthenticated()
                    && !(authentication instanceof AnonymousAuthenticationToken)) {
                key = "user:" + authentication.getName();
                plan = isStaff(authentication) ? RateLimitPlans.STAFF : RateLimitPlans.CUSTOMER;
            } else {
                key = addresses.keyOf(request);
                plan = RateLimitPlans.ANONYMOUS;
            }
        }
        RateLimitDecision decision = RateLimitResponses.takeOrAnswer(limiter, key, plan, request, response, problemWriter);
        if (decision == null) {
            return;
        }
        RateLimitResponses.writeHeaders(response, decision);
        chain.doFilter(request, response);
    }

    private static RateLimitedClient clientOf(Authentication authentication) {
        if (authentication instanceof RateLimitedClient client) {
            return client;
        }
        return authentication != null && authentication.getPrincipal() instanceof RateLimitedClient client ? client : null;
    }

    private boolean isStaff(Authentication authentication) {
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            if (staffAuthorities.contains(authority.getAuthority())) {
                return true;
            }
        }
        return false;
    }
}
