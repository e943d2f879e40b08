package dev.emporium.platform.ratelimit;

import static dev.emporium.support.TestHttp.get;
import static dev.emporium.support.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.emporium.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Past the limit of requests in flight, a request is answered 503 at once instead of waiting its turn. */
@IntegrationTest
@Import(LoadSheddingTest.SlowController.class)
@TestPropertySource(properties = "emporium.load-shedding.max-concurrent-requests=2")
class LoadSheddingTest {

    static final Semaphore ENTERED = new Semaphore(0);
    static volatile CountDownLatch release = new CountDownLatch(0);

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    /** Holds every request until the test lets it go: the instance stays saturated exactly as long as the test wants. */
    @RestController
    static class SlowController {
        @GetMapping("/probe/slow")
        String slow() throws InterruptedException {
            ENTERED.release();
            release.await(30, TimeUnit.SECONDS);
            return "done";
        }
    }

    @Test
    void loadShedderAnswers503WhenSaturated() throws Exception {
        release = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> requests = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 6; i++) {
                requests.add(CompletableFuture.supplyAsync(() -> get(url("/probe/slow")), clients));
            }
            assertSaturatedWhileHeld(requests);
        }

        List<HttpResponse<String>> served = requests.stream().map(CompletableFuture::join).filter(r -> r.statusCode() == 200).toList();
        assertThat(served).hasSize(2).allSatisfy(response -> assertThat(response.body()).isEqualTo("done"));
        // Capacity is back once they finished.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(get(url("/api/data")).statusCode()).isEqualTo(200));
    }

    private void assertSaturatedWhileHeld(List<CompletableFuture<HttpResponse<String>>> requests) throws InterruptedException {
        try {
            assertThat(ENTERED.tryAcquire(2, 20, TimeUnit.SECONDS)).as("two requests got in").isTrue();

            // While those two are held, the other four are answered, not queued behind them.
            await().atMost(Duration.ofSeconds(20)).until(() -> requests.stream().filter(CompletableFuture::isDone).count() == 4);
            List<HttpResponse<String>> shed = requests.stream().filter(CompletableFuture::isDone).map(CompletableFuture::join).toList();
            assertThat(shed).hasSize(4).allSatisfy(LoadSheddingTest::assertOverloadedProblem);
            assertThat(ENTERED.availablePermits()).as("no third request got in").isZero();

            // Still saturated: the API port sheds, the management port answers.
            assertOverloadedProblem(get(url("/api/data")));
            assertThat(get("http://127.0.0.1:" + managementPort + "/actuator/health/liveness").statusCode()).isEqualTo(200);
            assertThat(get("http://127.0.0.1:" + managementPort + "/actuator/prometheus").body())
                    .containsPattern("emporium_loadshed_rejections_total\\{[^}]*} [5-9]")
                    .containsPattern("emporium_loadshed_in_flight\\{[^}]*} 2");
        } finally {
            release.countDown();
        }
    }

    private static void assertOverloadedProblem(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                contentType -> assertThat(contentType).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.path("type").asString()).isEqualTo("https://emporium.dev/problems/overloaded");
        assertThat(problem.path("status").asInt()).isEqualTo(503);
        assertThat(problem.path("title").asString()).isEqualTo("Service Unavailable");
        assertThat(problem.path("requestId").asString()).isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
