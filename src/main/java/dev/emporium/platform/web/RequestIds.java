package dev.emporium.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** The rule for request ids: what a client may send, and what is generated when it sends nothing usable. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    /** The MDC key, an ECS field name, so every log line of a request carries it. */
    public static final String MDC_KEY = "http.request.id";
    static final String ATTRIBUTE = RequestIds.class.getName();

    // Letters, digits and a few separators only: nothing that can break a header, a log line or a JSON string.
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {}

    static String acceptOrGenerate(String candidate) {
        return candidate != null && WELL_FORMED.matcher(candidate).matches() ? candidate : generate();
    }

    /**
     * A random (version 4) UUID from the thread's own generator. A request id must be unique, not unguessable,
     * and {@link UUID#randomUUID()} serialises every request on one SecureRandom lock and a read of /dev/urandom.
     */
    static String generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(high, low).toString();
    }

    /** The id of the request being served, or null outside one. */
    public static String of(HttpServletRequest request) {
        return (String) request.getAttribute(ATTRIBUTE);
    }
}
