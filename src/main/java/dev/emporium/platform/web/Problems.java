package dev.emporium.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The one place that shapes an RFC 9457 problem: a type URI per kind of failure, the request path as
 * {@code instance} and the request id, so a client can quote it and an operator can find the log lines.
 */
public final class Problems {

    static final String TYPE_BASE = "https://emporium.dev/problems/";

    private Problems() {}

    public static ProblemDetail of(HttpStatusCode status, String slug, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + slug));
        problem.setTitle(titleOf(status.value()));
        return problem;
    }

    /** Fills in what comes from the request: {@code instance}, the request id, and a type when none was set. */
    public static ProblemDetail complete(ProblemDetail problem, HttpServletRequest request) {
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            problem.setType(URI.create(TYPE_BASE + slugOf(problem.getStatus())));
        }
        if (problem.getTitle() == null) {
            problem.setTitle(titleOf(problem.getStatus()));
        }
        if (problem.getInstance() == null) {
            problem.setInstance(URI.create(safePath(request)));
        }
        String requestId = RequestIds.of(request);
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return problem;
    }

    /** The status's reason phrase, e.g. {@code Not Found}. */
    static String titleOf(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known != null ? known.getReasonPhrase() : "Error";
    }

    /** A slug for a status without a more specific kind: 404 becomes {@code not-found}. */
    static String slugOf(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        if (known == null) {
            return "http-" + status;
        }
        return known.getReasonPhrase().toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    /** The request path, percent-encoded where needed, so a crafted path cannot make an invalid URI. */
    private static String safePath(HttpServletRequest request) {
        String path = request.getRequestURI();
        Object forwarded = request.getAttribute("jakarta.servlet.error.request_uri");
        if (forwarded instanceof String original) {
            path = original;
        }
        if (path == null || path.isEmpty()) {
            return "/";
        }
        try {
            return new URI(null, null, path, null).toASCIIString();
        } catch (URISyntaxException notAPath) {
            return "/";
        }
    }
}
