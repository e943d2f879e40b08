package dev.emporium.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.springframework.boot.test.system.CapturedOutput;

/**
 * Log lines are written by a background thread, in order. A test waits for a line it knows must come, and
 * only then looks at (or for the absence of) what came before it.
 */
public final class Logs {

    private Logs() {}

    public static void awaitContains(CapturedOutput log, String text) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(log.getOut()).contains(text));
    }

    public static void awaitContainsPattern(CapturedOutput log, String regex) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(log.getOut()).containsPattern(regex));
    }

    /** Sends a request with a known id and waits for its access-log line: everything logged before is then written. */
    public static void awaitFlushed(CapturedOutput log, String baseUrl) {
        String marker = "log-barrier-" + java.util.UUID.randomUUID();
        TestHttp.get(baseUrl + "/api/data", "X-Request-Id", marker);
        awaitContains(log, marker);
    }
}
