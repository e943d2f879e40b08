package dev.emporium.platform.observability;

import static dev.emporium.support.TestHttp.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.emporium.EmporiumApplication;
import dev.emporium.support.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** On shutdown readiness goes DOWN first, requests in flight finish, and only then does the server stop. */
class GracefulShutdownTest {

    static final CountDownLatch SLOW_REQUEST_STARTED = new CountDownLatch(1);

    @RestController
    static class SlowController {
        @GetMapping("/probe/slow")
        String slow() throws InterruptedException {
            SLOW_REQUEST_STARTED.countDown();
            Thread.sleep(2_000);
            return "finished";
        }
    }

    @Test
    void readinessGoesDownFirstAndInFlightRequestsFinish() throws Exception {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(EmporiumApplication.class, SlowController.class).run(
                "--emporium.database.url=" + TestDatabase.url(),
                "--emporium.database.username=" + TestDatabase.username(),
                "--emporium.database.password=" + TestDatabase.password(),
                "--emporium.http.port=0", "--emporium.management.port=0",
                "--emporium.shutdown.drain-delay=1500ms");
        int port = app.getEnvironment().getProperty("local.server.port", Integer.class);
        int managementPort = app.getEnvironment().getProperty("local.management.port", Integer.class);
        String readiness = "http://127.0.0.1:" + managementPort + "/actuator/health/readiness";
        assertThat(get(readiness).statusCode()).isEqualTo(200);

        CompletableFuture<HttpResponse<String>> inFlight =
                CompletableFuture.supplyAsync(() -> get("http://127.0.0.1:" + port + "/probe/slow"));
        assertThat(SLOW_REQUEST_STARTED.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> shutdown = CompletableFuture.runAsync(app::close);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(get(readiness).statusCode()).isEqualTo(503));
        HttpResponse<String> finished = inFlight.get(10, TimeUnit.SECONDS);
        assertThat(finished.statusCode()).isEqualTo(200);
        assertThat(finished.body()).isEqualTo("finished");

        shutdown.get(30, TimeUnit.SECONDS);
        assertThat(app.isActive()).isFalse();
    }
}
