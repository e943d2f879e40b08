package dev.emporium.platform.web;

import static dev.emporium.support.TestHttp.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.emporium.support.IntegrationTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class SeedControllerTest {

    @LocalServerPort
    int port;

    @Test
    void servesSeedParityEndpoint() {
        HttpResponse<String> response = get("http://127.0.0.1:" + port + "/api/data");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("{\"message\":\"Hello scalable backend!\"}");
    }

    @Test
    void publishesOpenApiAndSwaggerUi() {
        HttpResponse<String> spec = get("http://127.0.0.1:" + port + "/v3/api-docs");
        assertThat(spec.statusCode()).isEqualTo(200);
        assertThat(spec.body()).contains("\"openapi\":\"3.1").contains("/api/data");

        HttpResponse<String> ui = get("http://127.0.0.1:" + port + "/swagger-ui/index.html");
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
    }
}
