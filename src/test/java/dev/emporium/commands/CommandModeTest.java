package dev.emporium.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emporium.support.Instances;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one-off commands start the application as {@code ./emporium} does, without a web server: every bean they
 * pull in must do without one.
 */
class CommandModeTest {

    private static ConfigurableApplicationContext command(String name, String... arguments) {
        return Instances.start(Stream.concat(Stream.of("--spring.main.web-application-type=none", "--emporium.command=" + name),
                Stream.of(arguments)).toArray(String[]::new));
    }

    @Test
    void keysRotateRunsWithoutAWebServer() {
        // A second of slack for the two clocks; the suite runs one test class at a time, so no other rotation lands here.
        java.time.OffsetDateTime started = java.time.OffsetDateTime.now().minusSeconds(1);
        try (ConfigurableApplicationContext context = command("keys-rotate")) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            long rotated = jdbc.sql("SELECT count(*) FROM signing_keys WHERE created_at >= :started")
                    .param("started", started).query(Long.class).single();
            assertThat(rotated).isPositive();
        }
    }

    @Test
    void seedRunsWithoutAWebServer() {
        try (ConfigurableApplicationContext context = command("seed", "--products=5")) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT count(*) FROM products WHERE slug LIKE 'seed-%' AND status = 'published'")
                    .query(Long.class).single()).isGreaterThanOrEqualTo(5);
        }
    }
}
