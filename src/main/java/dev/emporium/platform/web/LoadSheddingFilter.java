package dev.emporium.platform.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Caps the requests in flight on this instance: past {@code emporium.load-shedding.max-concurrent-requests} a
 * request is answered 503 with {@code Retry-After} at once, never queued, so an overloaded instance keeps serving
 * the requests it has instead of letting all of them time out. It runs inside {@link RequestIdFilter} and
 * {@link AccessLogFilter}, so a shed request still has its id and its log line. The management port is a server
 * of its own and is never shed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class LoadSheddingFilter implements Filter {

    private final Semaphore permits;
    private final String retryAfterSeconds;
    private final Counter rejections;
    private final ProblemWriter problemWriter;

    LoadSheddingFilter(LoadSheddingProperties properties, ProblemWriter problemWriter, MeterRegistry registry) {
        this.problemWriter = problemWriter;
        this.retryAfterSeconds = Long.toString(Math.max(1, properties.retryAfter().toSeconds()));
        this.rejections = Counter.builder("emporium.loadshed.rejections")
                .description("Requests answered 503 because the instance had too many in flight")
                .register(registry);
        if (properties.enabled()) {
            int max = properties.maxConcurrentRequests();
            this.permits = new Semaphore(max);
            Gauge.builder("emporium.loadshed.in.flight", permits, available -> max - available.availablePermits())
                    .description("Requests in flight on the API port, against the load-shedding limit")
                    .register(registry);
        } else {
            this.permits = null;
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (permits == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!permits.tryAcquire()) {
            rejections.increment();
            HttpServletResponse httpResponse = (HttpServletResponse) response;
            httpResponse.setHeader(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
            problemWriter.write((HttpServletRequest) request, httpResponse, Problems.of(HttpStatus.SERVICE_UNAVAILABLE,
                    "overloaded", "This instance is serving as many requests as it can; retry shortly."));
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            permits.release();
        }
    }
}
