package dev.emporium.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * One line per request: method, route template (never the raw path, which carries ids and client input),
 * status and duration. It runs inside {@link RequestIdFilter}, so the line carries the request id too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class AccessLogFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger("dev.emporium.access");
    private static final String UNMATCHED = "unmatched";
    /** Standard methods are logged by name; anything else is client input and is logged as a fixed word. */
    private static final Set<String> STANDARD_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!log.isInfoEnabled()) {
            chain.doFilter(request, response);
            return;
        }
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            long micros = (System.nanoTime() - started) / 1_000;
            String route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String pattern
                    ? pattern
                    : UNMATCHED;
            String method = STANDARD_METHODS.contains(request.getMethod()) ? request.getMethod() : "OTHER";
            log.atInfo()
                    .addKeyValue("http.request.method", method)
                    .addKeyValue("http.route", route)
                    .addKeyValue("http.response.status_code", response.getStatus())
                    .addKeyValue("event.duration_us", micros)
                    .log("{} {} {} {}us", method, route, response.getStatus(), micros);
        }
    }
}
