package dev.emporium.platform.web;

import static dev.emporium.support.TestHttp.get;
import static dev.emporium.support.TestHttp.json;
import static dev.emporium.support.TestHttp.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.emporium.support.IntegrationTest;
import dev.emporium.support.Logs;
import dev.emporium.support.TestHttp;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.Flow;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
@Import(ErrorModelTest.ProbeController.class)
class ErrorModelTest {

    @LocalServerPort
    int port;

    @RestController
    static class ProbeController {
        private final JdbcClient jdbc;

        ProbeController(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        record NewThing(@NotBlank String name, @Positive int quantity, @Email String email) {}

        @PostMapping(path = "/probe/things", consumes = MediaType.APPLICATION_JSON_VALUE)
        NewThing create(@Valid @RequestBody NewThing thing) {
            return thing;
        }

        @GetMapping("/probe/things/{id}")
        UUID read(@PathVariable UUID id) {
            return id;
        }

        @GetMapping("/probe/failure")
        Object fail() {
            return jdbc.sql("SELECT secret_column FROM table_that_does_not_exist").query().listOfRows();
        }

        /** Values the database refuses, as a request's could reach it past a missing rule. */
        @GetMapping("/probe/refused/{kind}")
        Object refused(@PathVariable String kind) {
            return switch (kind) {
                case "nul" -> jdbc.sql("SELECT :text::text").param("text", "refused-value\u0000").query().listOfRows();
                case "uuid" -> jdbc.sql("SELECT :text::uuid").param("text", "refused-value").query().listOfRows();
                default -> jdbc.sql("SELECT :at::timestamptz").param("at", OffsetDateTime.parse("+300000-01-01T00:00:00Z"))
                        .query().listOfRows();
            };
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static JsonNode assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                contentType -> assertThat(contentType).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asString()).isEqualTo("https://emporium.dev/problems/" + type);
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("detail").asString()).isNotBlank();
        assertThat(problem.path("instance").asString()).startsWith("/");
        assertThat(problem.path("requestId").asString())
                .isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
        return problem;
    }

    @Test
    void unknownRouteIs404Problem() {
        JsonNode problem = assertProblem(get(url("/no-such-thing")), 404, "not-found");
        assertThat(problem.path("instance").asString()).isEqualTo("/no-such-thing");
    }

    @Test
    void wrongMethodIs405Problem() {
        HttpResponse<String> response = TestHttp.send(TestHttp.request(url("/api/data")).DELETE());
        assertProblem(response, 405, "method-not-allowed");
        assertThat(response.headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    void unsupportedMediaTypeIs415Problem() {
        assertProblem(post(url("/probe/things"), "text/plain", "name=x"), 415, "unsupported-media-type");
    }

    @Test
    void malformedJsonIs400ProblemWithoutEchoingTheInput() {
        HttpResponse<String> response = post(url("/probe/things"), "application/json", "{\"name\": \"<script>\", ");
        JsonNode problem = assertProblem(response, 400, "malformed-body");
        assertThat(response.body()).doesNotContain("<script>");
        assertThat(problem.path("detail").asString()).contains("JSON");
    }

    @Test
    void validationFailureIs400WithOneEntryPerInvalidField() {
        HttpResponse<String> response = post(url("/probe/things"), "application/json",
                "{\"name\": \" \", \"quantity\": -3, \"email\": \"not-an-email\"}");
        JsonNode problem = assertProblem(response, 400, "validation-failed");
        assertThat(problem.path("errors").size()).isEqualTo(3);
        assertThat(problem.path("errors").valueStream().map(error -> error.path("field").asString()))
                .containsExactlyInAnyOrder("name", "quantity", "email");
        assertThat(problem.path("errors").valueStream().map(error -> error.path("message").asString()))
                .allSatisfy(message -> assertThat(message).isNotBlank());
    }

    @Test
    void invalidPathVariableIs400Problem() {
        assertProblem(get(url("/probe/things/not-a-uuid")), 400, "bad-request");
    }

    @Test
    void declaredBodyOverLimitIs413Problem() {
        String body = "{\"name\": \"" + "x".repeat(1_100_000) + "\"}";
        assertProblem(post(url("/probe/things"), "application/json", body), 413, "body-too-large");
    }

    @Test
    void chunkedBodyOverLimitIs413Problem() {
        byte[] body = ("{\"name\": \"" + "x".repeat(1_100_000) + "\"}").getBytes();
        // A publisher of unknown length makes the client send the body chunked, with no Content-Length.
        HttpRequest.BodyPublisher chunked = new HttpRequest.BodyPublisher() {
            private final HttpRequest.BodyPublisher delegate = HttpRequest.BodyPublishers.ofByteArray(body);

            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
                delegate.subscribe(subscriber);
            }
        };
        HttpResponse<String> response = TestHttp.send(TestHttp.request(url("/probe/things"))
                .header("Content-Type", "application/json")
                .POST(chunked));
        assertProblem(response, 413, "body-too-large");
    }

    @Test
    void aValueTheDatabaseRefusesIs400InvalidInputAndNeverRepeated(CapturedOutput log) {
        for (String kind : java.util.List.of("nul", "uuid", "date")) {
            HttpResponse<String> response = get(url("/probe/refused/" + kind));
            JsonNode problem = assertProblem(response, 400, "invalid-input");
            assertThat(problem.has("errorId")).as(kind).isFalse();
            assertThat(response.body()).as(kind).doesNotContain("refused-value").doesNotContain("300000");
        }
        // The database's own message quotes the text it could not read as a UUID; the log line gives the SQLSTATE only.
        Logs.awaitContains(log, "(SQLSTATE 22P02)");
        Logs.awaitFlushed(log, url(""));
        assertThat(log.getOut()).doesNotContain("refused-value").contains("(SQLSTATE 22021)").contains("(SQLSTATE 22008)");
    }

    @Test
    void unexpectedFailureIs500WithOpaqueErrorIdAndNoInternals(CapturedOutput log) {
        HttpResponse<String> response = get(url("/probe/failure"));
        JsonNode problem = assertProblem(response, 500, "internal-error");
        assertThat(problem.path("errorId").asString()).matches("[0-9a-f-]{36}");
        assertThat(response.body())
                .doesNotContain("table_that_does_not_exist")
                .doesNotContain("secret_column")
                .doesNotContain("Exception")
                .doesNotContain("at dev.emporium");
        // The operator finds the whole story in the log under the same id.
        Logs.awaitContains(log, problem.path("errorId").asString());
        assertThat(log.getOut()).contains("table_that_does_not_exist");
    }
}
