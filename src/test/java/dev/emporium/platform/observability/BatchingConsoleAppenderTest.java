package dev.emporium.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class BatchingConsoleAppenderTest {

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final LoggerContext context = new LoggerContext();
    private PrintStream standardOut;
    private BatchingConsoleAppender appender;
    private Logger log;

    @BeforeEach
    void start() {
        standardOut = System.out;
        System.setOut(new PrintStream(written, true, StandardCharsets.UTF_8));
        context.setMDCAdapter(MDC.getMDCAdapter());
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%X{requestId} %msg%n");
        encoder.start();
        appender = new BatchingConsoleAppender();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setQueueSize(64); // far fewer than the lines below: callers must wait, not drop
        appender.start();
        log = context.getLogger("test");
        log.addAppender(appender);
    }

    @AfterEach
    void restore() {
        System.setOut(standardOut);
        context.stop();
    }

    @Test
    void everyLineOfConcurrentCallersIsWrittenWholeInEachCallersOrderByTheTimeItStops() throws Exception {
        int callers = 16;
        int linesEach = 500;
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            IntStream.range(0, callers).forEach(caller -> executor.submit(() -> {
                for (int line = 0; line < linesEach; line++) {
                    log.info("caller-{} line-{}", caller, line);
                }
            }));
        }
        appender.stop();

        List<String> lines = Arrays.asList(written.toString(StandardCharsets.UTF_8).split("\n"));
        assertThat(lines).hasSize(callers * linesEach);
        for (int caller = 0; caller < callers; caller++) {
            String prefix = " caller-" + caller + " ";
            List<String> own = new ArrayList<>(lines.stream().filter(line -> line.startsWith(prefix)).toList());
            assertThat(own).containsExactlyElementsOf(
                    IntStream.range(0, linesEach).mapToObj(line -> prefix + "line-" + line).toList());
        }
    }

    @Test
    void theMdcIsTakenWhenTheLineIsLoggedNotWhenItIsWritten() {
        MDC.put("requestId", "first");
        log.info("one");
        MDC.put("requestId", "second");
        log.info("two");
        MDC.remove("requestId");
        appender.stop();

        assertThat(written.toString(StandardCharsets.UTF_8)).isEqualTo("first one\nsecond two\n");
    }
}
