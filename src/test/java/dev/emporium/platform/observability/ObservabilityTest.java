package dev.emporium.platform.observability;

import static dev.emporium.support.TestHttp.get;
import static dev.emporium.support.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.emporium.support.IntegrationTest;
import dev.emporium.support.Logs;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityTest {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    private String management(String path) {
        return "http://127.0.0.1:" + managementPort + "/actuator" + path;
    }

    @Test
    void exposesPrometheusHistogramsPerRoute() {
        get("http://127.0.0.1:" + port + "/api/data");

        String metrics = get(management("/prometheus")).body();

        assertThat(metrics)
                .containsPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"/api/data\"[^}]*le=\"0.005\"")
                .contains("hikaricp_connections_active{")
                .contains("jvm_memory_used_bytes{")
                .contains("jvm_threads_virtual_")
                .contains("application=\"emporium\"");
    }

    @Test
    void withoutAnExporterNoSpanIsRecordedButLogLinesCarryTraceAndSpanIds(@Autowired Sampler sampler, CapturedOutput log) {
        assertThat(sampler.getDescription()).isEqualTo(Sampler.alwaysOff().getDescription());

        String requestId = "trace-ids-" + UUID.randomUUID();
        get("http://127.0.0.1:" + port + "/api/data", "X-Request-Id", requestId);

        Logs.awaitContains(log, requestId);
        String accessLine = log.getOut().lines().filter(line -> line.contains(requestId)).findFirst().orElseThrow();
        assertThat(accessLine).containsPattern("\"traceId\":\"[0-9a-f]{32}\"").containsPattern("\"spanId\":\"[0-9a-f]{16}\"");
    }

    @Test
    void securityFiltersAreNotObservedOneByOne() {
        get("http://127.0.0.1:" + port + "/api/data");

        // The request's own observation covers the security chain; none per filter, authentication or authorisation.
        assertThat(get(management("/prometheus")).body()).doesNotContain("spring_security_");
    }

    @Test
    void separatesLivenessFromReadinessWhichIncludesTheDatabase() {
        JsonNode liveness = json(get(management("/health/liveness")));
        assertThat(liveness.path("status").asString()).isEqualTo("UP");
        assertThat(liveness.path("components").has("db")).isFalse();

        JsonNode readiness = json(get(management("/health/readiness")));
        assertThat(readiness.path("status").asString()).isEqualTo("UP");
        assertThat(readiness.path("components").path("db").path("status").asString()).isEqualTo("UP");
    }

    @Test
    void infoNamesVersionAndCommit() {
        JsonNode info = json(get(management("/info")));
        assertThat(info.path("build").path("version").asString()).isNotBlank();
        assertThat(info.path("git").path("commit").path("id").asString()).matches("[0-9a-f]{7,}");
    }

    @Test
    void managementEndpointsAreNotOnTheApiPort() {
        HttpResponse<String> response = get("http://127.0.0.1:" + port + "/actuator/health");
        assertThat(response.statusCode()).isEqualTo(404);
    }
}
