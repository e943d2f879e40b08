package dev.emporium.platform.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/**
 * The plans that {@code emporium.rate-limit.routes} gives to paths, first match wins. A pattern is an exact path
 * or ends in {@code /**} (the path itself and everything under it); matching is a string comparison on the decoded,
 * normalised path, so {@code /api/v1/auth/logi%6E} counts as {@code /api/v1/auth/login}.
 */
final class RoutePlans {

    private final List<Rule> rules;

    RoutePlans(List<RateLimitProperties.Route> routes) {
        this.rules = routes.stream().map(Rule::of).toList();
    }

    /** The plan of the request's route, or null when no rule matches. */
    String planOf(HttpServletRequest request) {
        if (rules.isEmpty()) {
            return null;
        }
        String path = request.getServletPath();
        String pathInfo = request.getPathInfo();
        if (pathInfo != null) {
            path = path + pathInfo;
        }
        for (Rule rule : rules) {
            if (rule.matches(path)) {
                return rule.plan;
            }
        }
        return null;
    }

    private record Rule(String path, String under, boolean prefix, String plan) {

        static Rule of(RateLimitProperties.Route route) {
            String pattern = route.pattern() == null ? "" : route.pattern().strip();
            boolean prefix = pattern.endsWith("/**");
            String path = prefix ? pattern.substring(0, pattern.length() - 3) : pattern;
            if (!pattern.startsWith("/") || path.contains("*")) {
                throw new IllegalArgumentException("emporium.rate-limit.routes: pattern '" + route.pattern()
                        + "' must be an exact path or end in /** (no other wildcards)");
            }
            return new Rule(path, path + "/", prefix, route.plan());
        }

        boolean matches(String candidate) {
            return prefix ? candidate.equals(path) || candidate.startsWith(under) : candidate.equals(path);
        }
    }
}
