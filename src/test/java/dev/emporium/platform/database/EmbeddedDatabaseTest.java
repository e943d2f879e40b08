package dev.emporium.platform.database;

import static dev.emporium.support.TestHttp.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.emporium.EmporiumApplication;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** With no database configured, Emporium runs its own PostgreSQL and keeps the data between runs. */
class EmbeddedDatabaseTest {

    @TempDir
    Path data;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(EmporiumApplication.class).run(
                "--emporium.database.url=",
                "--emporium.database.embedded-data-directory=" + data.resolve("postgres"),
                "--emporium.http.port=0",
                "--emporium.management.port=0");
    }

    @Test
    void startsOnEmbeddedPostgresAndKeepsDataAcrossRestarts() {
        try (ConfigurableApplicationContext first = start()) {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE success").query(Long.class).single())
                    .isPositive();
            assertThat(jdbc.sql("SHOW fsync").query(String.class).single()).as("commits reach the disk").isEqualTo("on");
            assertThat(jdbc.sql("SHOW synchronous_commit").query(String.class).single()).isEqualTo("on");
            jdbc.sql("CREATE TABLE kept (note text)").update();
            jdbc.sql("INSERT INTO kept VALUES ('still here')").update();

            int port = first.getEnvironment().getProperty("local.server.port", Integer.class);
            assertThat(get("http://127.0.0.1:" + port + "/api/data").statusCode()).isEqualTo(200);
        }

        try (ConfigurableApplicationContext second = start()) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT note FROM kept").query(String.class).single()).isEqualTo("still here");
            assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE version = '1'").query(Long.class).single())
                    .isEqualTo(1L);
        }
    }

    @Test
    void secondInstanceOnTheSameDataDirectoryIsRefused() {
        try (ConfigurableApplicationContext running = start()) {
            assertThatThrownBy(this::start)
                    .satisfies(failure -> {
                        FailureAnalysis analysis = new DatabaseFailureAnalyzer().analyze(failure);
                        assertThat(analysis).isNotNull();
                        assertThat(analysis.getDescription()).contains("already running").contains(data.toString());
                    });
            // The running instance is unharmed.
            assertThat(running.getBean(JdbcClient.class).sql("SELECT 1").query(Integer.class).single()).isEqualTo(1);
        }
    }
}
