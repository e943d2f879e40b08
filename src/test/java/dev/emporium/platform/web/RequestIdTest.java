package dev.emporium.platform.web;

import static dev.emporium.support.TestHttp.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.emporium.support.IntegrationTest;
import dev.emporium.support.Logs;
import dev.emporium.support.TestHttp;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class RequestIdTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @LocalServerPort
    int port;

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Test
    void echoesOrGeneratesRequestId(CapturedOutput log) {
        HttpResponse<String> given = get(url("/api/data"), "X-Request-Id", "checkout-7f3a.retry-2");
        assertThat(given.headers().firstValue("X-Request-Id")).hasValue("checkout-7f3a.retry-2");

        HttpResponse<String> generated = get(url("/api/data"));
        assertThat(generated.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).matches(UUID_PATTERN));

        // The access-log line of the request carries its id, as a structured field.
        Logs.awaitContainsPattern(log, 
                "\"message\":\"GET /api/data 200 \\d+us\".*\"http\":\\{\"request\":\\{\"id\":\"checkout-7f3a.retry-2\"");
    }

    @Test
    void rejectsOversizedRequestId(CapturedOutput log) {
        String oversized = "a".repeat(10_000);
        HttpResponse<String> response = get(url("/api/data"), "X-Request-Id", oversized);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).matches(UUID_PATTERN));
        Logs.awaitFlushed(log, url(""));
        assertThat(log.getOut()).doesNotContain("a".repeat(200));
    }

    @Test
    void replacesNonAsciiRequestIdAndNeverLogsIt(CapturedOutput log) throws Exception {
        String response = TestHttp.raw(port, "GET /api/data HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: abc\u00e9FORGED"
                + "\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 200");
        assertThat(response).containsPattern("(?i)X-Request-Id: " + UUID_PATTERN);
        assertThat(response).doesNotContain("FORGED");
        Logs.awaitFlushed(log, url(""));
        assertThat(log.getOut()).doesNotContain("FORGED");
    }

    /** Control characters make the request invalid HTTP: refused as a problem before any code of ours runs. */
    @Test
    void refusesRequestIdWithControlCharactersAsProblemAndNeverEchoesIt(CapturedOutput log) throws Exception {
        String response = TestHttp.raw(port, "GET /api/data HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: abc\u001b[31mFORGED"
                + "\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(response).containsPattern("(?i)Content-Type: application/problem\\+json");
        assertThat(response).containsPattern("(?i)X-Request-Id: " + UUID_PATTERN);
        assertThat(response).contains("\"type\":\"https://emporium.dev/problems/bad-request\"");
        assertThat(response).doesNotContain("FORGED");
        Logs.awaitFlushed(log, url(""));
        assertThat(log.getOut()).doesNotContain("FORGED");
    }

    @Test
    void unknownMethodIsRefusedAndLoggedAsAFixedWord(CapturedOutput log) throws Exception {
        String response = TestHttp.raw(port, "BREW /api/data HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        // The security firewall refuses methods outside the standard set before any routing happens.
        assertThat(response).startsWith("HTTP/1.1 400").containsPattern("(?i)Content-Type: application/problem\\+json");
        Logs.awaitContains(log, "\"message\":\"OTHER unmatched 400");
        assertThat(log.getOut()).doesNotContain("BREW");
    }
}
