package dev.emporium.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emporium.EmporiumApplication;
import dev.emporium.support.IntegrationTest;
import dev.emporium.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one-off commands start the application as {@code ./emporium} does, without a web server: every bean they
 * pull in must do without one.
 */
class CommandModeTest {

    private static ConfigurableApplicationContext command(String name, String... arguments) {
        String[] common = {
            "--spring.main.web-application-type=none",
            "--emporium.command=" + name,
            "--emporium.database.url=" + TestDatabase.url(),
            "--emporium.database.username=" + TestDatabase.username(),
            "--emporium.database.password=" + TestDatabase.password(),
            "--emporium.identity.master-key=" + IntegrationTest.MASTER_KEY,
            "--emporium.admin.email=" + IntegrationTest.ADMIN_EMAIL,
            "--emporium.admin.password=" + IntegrationTest.ADMIN_PASSWORD,
            "--emporium.management.port=0"
        };
        String[] all = new String[common.length + arguments.length];
        System.arraycopy(common, 0, all, 0, common.length);
        System.arraycopy(arguments, 0, all, common.length, arguments.length);
        return new SpringApplicationBuilder(EmporiumApplication.class).run(all);
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
