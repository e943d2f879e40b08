package dev.emporium.platform.observability;

import static dev.emporium.support.TestHttp.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.emporium.support.TestDatabase;
import dev.emporium.support.TcpProxy;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import static org.awaitility.Awaitility.await;

/** The database goes away behind a running instance: readiness turns DOWN (the load balancer stops sending), then UP. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "emporium.management.port=0",
            "spring.datasource.hikari.connection-timeout=1000",
            "spring.datasource.hikari.validation-timeout=500"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadinessTest {

    static final TcpProxy DATABASE = startProxy();

    @LocalManagementPort
    int managementPort;

    static TcpProxy startProxy() {
        URI target = URI.create(TestDatabase.url().substring("jdbc:".length()));
        try {
            return new TcpProxy(target.getHost(), target.getPort());
        } catch (java.io.IOException failure) {
            throw new java.io.UncheckedIOException(failure);
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        URI target = URI.create(TestDatabase.url().substring("jdbc:".length()));
        registry.add("emporium.database.url",
                () -> "jdbc:postgresql://127.0.0.1:" + DATABASE.port() + target.getPath());
        registry.add("emporium.database.username", TestDatabase::username);
        registry.add("emporium.database.password", TestDatabase::password);
    }

    @AfterAll
    void stopProxy() throws Exception {
        DATABASE.close();
    }

    private int readiness() {
        return get("http://127.0.0.1:" + managementPort + "/actuator/health/readiness").statusCode();
    }

    private int liveness() {
        return get("http://127.0.0.1:" + managementPort + "/actuator/health/liveness").statusCode();
    }

    @Test
    void readinessIsDownWhenDatabaseIsDownAndRecovers() throws Exception {
        assertThat(readiness()).isEqualTo(200);

        DATABASE.cut();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(readiness()).isEqualTo(503));
        // A dead database is no reason to restart the process: liveness stays UP.
        assertThat(liveness()).isEqualTo(200);

        DATABASE.restore();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(readiness()).isEqualTo(200));
    }
}
