package dev.emporium.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.emporium.EmporiumApplication;
import dev.emporium.support.TestDatabase;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A database that cannot be used stops the start with one clear sentence and what to do about it. */
class DatabaseStartupFailureTest {

    private static FailureAnalysis startFailure(String... args) {
        Throwable[] failure = new Throwable[1];
        assertThatThrownBy(() -> new SpringApplicationBuilder(EmporiumApplication.class).run(args))
                .satisfies(thrown -> failure[0] = thrown);
        return new DatabaseFailureAnalyzer().analyze(failure[0]);
    }

    @Test
    void unreachableDatabaseGivesShortClearError() throws Exception {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + deadPort + "/emporium";

        FailureAnalysis analysis = startFailure("--emporium.database.url=" + url, "--emporium.http.port=0",
                "--emporium.management.port=0");

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).startsWith("Cannot connect to PostgreSQL at " + url);
        assertThat(analysis.getAction()).contains("EMPORIUM_DATABASE_URL");
    }

    @Test
    void wrongPasswordGivesShortClearErrorWithoutThePassword() {
        FailureAnalysis analysis = startFailure("--emporium.database.url=" + TestDatabase.url(),
                "--emporium.database.username=" + TestDatabase.username(),
                "--emporium.database.password=wrong-secret-password",
                "--emporium.database.username=no_such_role_for_emporium",
                "--emporium.http.port=0", "--emporium.management.port=0");

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).startsWith("Cannot connect to PostgreSQL").doesNotContain("wrong-secret-password");
    }
}
