package dev.emporium.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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
            String method = KnownMethods.nameOf(request.getMethod());
            log.atInfo()
                    .addKeyValue("http.request.method", method)
                    .addKeyValue("http.route", route)
                    .addKeyValue("http.response.status_code", response.getStatus())
                    .addKeyValue("event.duration_us", micros)
                    .log("{} {} {} {}us", method, route, response.getStatus(), micros);
        }
    }

    /** Standard methods by name; anything else is client input and is logged as a fixed word. */
    private enum KnownMethods {
        GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, TRACE;

        static String nameOf(String method) {
            for (KnownMethods known : values()) {
                if (known.name().equals(method)) {
                    return method;
                }
            }
            return "OTHER";
        }
    }
}
