package dev.emporium.payments;

import static dev.emporium.support.TestHttp.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.emporium.catalog.Money;
import dev.emporium.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
@Import(PaymentWebhookTest.Outcomes.class)
class PaymentWebhookTest {

    @LocalServerPort
    int port;

    @Autowired
    Payments payments;

    @Autowired
    WebhookSignature signature;

    @Autowired
    Outcomes outcomes;

    @Autowired
    JdbcClient jdbc;

    /** Every outcome announced, as the ordering module would receive it. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Outcomes {
        final List<Object> announced = new CopyOnWriteArrayList<>();

        @EventListener
        void on(PaymentSucceeded succeeded) {
            announced.add(succeeded);
        }

        @EventListener
        void on(PaymentFailed failed) {
            announced.add(failed);
        }

        long about(UUID orderId) {
            return announced.stream().filter(event -> switch (event) {
                case PaymentSucceeded succeeded -> succeeded.orderId().equals(orderId);
                case PaymentFailed failed -> failed.orderId().equals(orderId);
                default -> false;
            }).count();
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private HttpResponse<String> deliver(String body, String... headers) {
        return post(url("/api/v1/payments/webhooks/test"), "application/json", body, headers);
    }

    private static String event(String eventId, String intentId, String type) {
        return """
                {"id":"%s","type":"%s","intentId":"%s"}""".formatted(eventId, type, intentId);
    }

    @Test
    void confirmedIntentIsReportedByASignedWebhook() {
        UUID order = UUID.randomUUID();
        PaymentIntent intent = payments.createIntent(order, new Money(2500L, "EUR"));
        HttpResponse<String> confirmed = post(url("/api/v1/payments/test-provider/intents/" + intent.intentId() + "/confirm"),
                "application/json", """
                {"clientSecret":"%s","card":"%s"}""".formatted(intent.clientSecret(), TestPaymentProvider.SUCCEEDS));
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(5)).until(() -> outcomes.about(order) == 1);
        assertThat(outcomes.announced).contains(new PaymentSucceeded(order, intent.intentId(), new Money(2500L, "EUR")));
        assertThat(jdbc.sql("SELECT status FROM payments WHERE intent_id = :id").param("id", intent.intentId())
                .query(String.class).single()).isEqualTo("succeeded");
    }

    @Test
    void declinedCardIsReportedAsAFailure() {
        UUID order = UUID.randomUUID();
        PaymentIntent intent = payments.createIntent(order, new Money(900L, "EUR"));
        post(url("/api/v1/payments/test-provider/intents/" + intent.intentId() + "/confirm"), "application/json", """
                {"clientSecret":"%s","card":"%s"}""".formatted(intent.clientSecret(), TestPaymentProvider.DECLINED));
        await().atMost(Duration.ofSeconds(5)).until(() -> outcomes.about(order) == 1);
        assertThat(outcomes.announced).contains(new PaymentFailed(order, intent.intentId(), "card_declined"));
    }

    @Test
    void forgedWebhookRejected() {
        UUID order = UUID.randomUUID();
        PaymentIntent intent = payments.createIntent(order, new Money(100L, "EUR"));
        String body = event("evt_forged_" + UUID.randomUUID(), intent.intentId(), "payment.succeeded");

        WebhookSignature wrongKey = new WebhookSignature("not-the-secret".getBytes(), Duration.ofMinutes(5), Clock.systemUTC());
        String signedAnHourAgo = signature.sign(body, java.time.Instant.now().minus(Duration.ofHours(1)));
        String restamped = signature.sign(body).replaceFirst("t=\\d+", "t=" + (System.currentTimeMillis() / 1000 - 60));

        assertThat(deliver(body).statusCode()).isEqualTo(400);
        assertThat(deliver(body, WebhookSignature.HEADER, wrongKey.sign(body)).statusCode()).isEqualTo(400);
        assertThat(deliver(body, WebhookSignature.HEADER, signedAnHourAgo).statusCode()).as("replayed too late").isEqualTo(400);
        assertThat(deliver(body, WebhookSignature.HEADER, restamped).statusCode()).as("timestamp changed").isEqualTo(400);
        assertThat(deliver(body, WebhookSignature.HEADER, "t=abc,v1=zz").statusCode()).isEqualTo(400);
        assertThat(deliver(body, WebhookSignature.HEADER, "t=" + Long.MAX_VALUE + ",v1=00").statusCode())
                .as("a timestamp past any instant").isEqualTo(400);
        assertThat(deliver(body, WebhookSignature.HEADER, "t=" + Long.MIN_VALUE + ",v1=00").statusCode()).isEqualTo(400);
        String tampered = body.replace("payment.succeeded", "payment.failed");
        assertThat(deliver(tampered, WebhookSignature.HEADER, signature.sign(body)).statusCode()).isEqualTo(400);
        assertThat(post(url("/api/v1/payments/webhooks/other"), "application/json", body,
                WebhookSignature.HEADER, signature.sign(body)).statusCode()).isEqualTo(404);

        assertThat(outcomes.about(order)).isZero();
        assertThat(jdbc.sql("SELECT status FROM payments WHERE intent_id = :id").param("id", intent.intentId())
                .query(String.class).single()).isEqualTo("requires_confirmation");
    }

    @Test
    void duplicateWebhookCapturesOnce() {
        UUID order = UUID.randomUUID();
        PaymentIntent intent = payments.createIntent(order, new Money(700L, "EUR"));
        String body = event("evt_twice_" + UUID.randomUUID(), intent.intentId(), "payment.succeeded");

        HttpResponse<String> first = deliver(body, WebhookSignature.HEADER, signature.sign(body));
        HttpResponse<String> second = deliver(body, WebhookSignature.HEADER, signature.sign(body));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(second.statusCode()).as("acknowledged, so the provider stops retrying").isEqualTo(200);
        // A different event about the same, already settled intent changes nothing either.
        String late = event("evt_late_" + UUID.randomUUID(), intent.intentId(), "payment.failed");
        assertThat(deliver(late, WebhookSignature.HEADER, signature.sign(late)).statusCode()).isEqualTo(200);

        assertThat(outcomes.about(order)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT status FROM payments WHERE intent_id = :id").param("id", intent.intentId())
                .query(String.class).single()).isEqualTo("succeeded");
    }

    @Test
    void aSuccessReportedAfterAFailureOrCancellationIsAnnounced() {
        for (String earlier : List.of("failed", "cancelled")) {
            UUID order = UUID.randomUUID();
            PaymentIntent intent = payments.createIntent(order, new Money(900L, "EUR"));
            if (earlier.equals("failed")) {
                String failed = event("evt_failed_" + UUID.randomUUID(), intent.intentId(), "payment.failed");
                assertThat(deliver(failed, WebhookSignature.HEADER, signature.sign(failed)).statusCode()).isEqualTo(200);
            } else {
                payments.cancelOpenIntents(order);
            }
            assertThat(jdbc.sql("SELECT status FROM payments WHERE intent_id = :id").param("id", intent.intentId())
                    .query(String.class).single()).isEqualTo(earlier);

            // The provider took the money after all: the payment must not stay unnoticed (ordering refunds it).
            String succeeded = event("evt_retried_" + UUID.randomUUID(), intent.intentId(), "payment.succeeded");
            assertThat(deliver(succeeded, WebhookSignature.HEADER, signature.sign(succeeded)).statusCode()).isEqualTo(200);

            assertThat(outcomes.announced).filteredOn(event -> event instanceof PaymentSucceeded paid && paid.orderId().equals(order))
                    .hasSize(1);
            assertThat(jdbc.sql("SELECT status, failure FROM payments WHERE intent_id = :id").param("id", intent.intentId())
                    .query((rs, row) -> rs.getString(1) + "/" + rs.getString(2)).single()).isEqualTo("succeeded/null");
        }
    }

    @Test
    void confirmationNeedsTheClientSecretAndAKnownCard() {
        PaymentIntent intent = payments.createIntent(UUID.randomUUID(), new Money(100L, "EUR"));
        String path = "/api/v1/payments/test-provider/intents/" + intent.intentId() + "/confirm";
        assertThat(post(url(path), "application/json", """
                {"clientSecret":"wrong","card":"4242424242424242"}""").statusCode()).isEqualTo(404);
        assertThat(post(url(path), "application/json", """
                {"clientSecret":"%s","card":"1111"}""".formatted(intent.clientSecret())).statusCode()).isEqualTo(422);
        assertThat(post(url(path), "application/json", "{}").statusCode()).isEqualTo(400);
    }
}
