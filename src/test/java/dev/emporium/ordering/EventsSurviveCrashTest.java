package dev.emporium.ordering;

import static dev.emporium.support.TestHttp.json;
import static dev.emporium.support.TestHttp.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.emporium.identity.token.AccessTokens;
import dev.emporium.payments.TestPaymentProvider;
import dev.emporium.support.Instances;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A payment's outcome commits, then the process stops before the order hears of it. The next process to start
 * delivers it once it is stale, the order is paid once, and a third start changes nothing.
 */
class EventsSurviveCrashTest {

    private static ConfigurableApplicationContext start(String... extra) {
        return Instances.start(Stream.concat(Stream.of("--spring.datasource.hikari.maximum-pool-size=4",
                "--emporium.rate-limit.enabled=false"), Stream.of(extra)).toArray(String[]::new));
    }

    private static String url(ConfigurableApplicationContext instance) {
        return Instances.url(instance);
    }

    @Test
    void eventsSurviveCrashBetweenCommitAndHandling() throws Exception {
        UUID orderId;
        JdbcClient jdbc;
        // One worker thread for asynchronous listeners, kept busy: the outcome's handler can only queue behind it.
        try (ConfigurableApplicationContext first = start("--emporium.events.concurrency=1")) {
            jdbc = first.getBean(JdbcClient.class);
            CountDownLatch never = new CountDownLatch(1);
            first.getBean("applicationTaskExecutor", TaskExecutor.class).execute(() -> {
                try {
                    never.await();
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                }
            });

            Shop shop = Shop.at(url(first));
            String variant = shop.variantWithStock(2, 1800);
            String[] customer = {"Authorization", "Bearer "
                    + first.getBean(AccessTokens.class).issue(UUID.randomUUID(), List.of("customer")).value()};
            shop.putInCart(customer, variant, 1);
            JsonNode placed = json(shop.checkout(customer, Shop.newKey(), Shop.order()));
            orderId = UUID.fromString(placed.path("order").path("id").asString());
            String intent = placed.path("payment").path("intentId").asString();
            post(url(first) + "/api/v1/payments/test-provider/intents/" + intent + "/confirm", "application/json", """
                    {"clientSecret":"%s","card":"%s"}""".formatted(placed.path("payment").path("clientSecret").asString(),
                    TestPaymentProvider.SUCCEEDS));

            JdbcClient db = jdbc;
            await().atMost(Duration.ofSeconds(10)).until(() -> "succeeded".equals(db.sql(
                    "SELECT status FROM payments WHERE intent_id = :intent").param("intent", intent).query(String.class).single()));
            assertThat(status(jdbc, orderId)).as("the outcome committed, its handler has not run").isEqualTo("pending_payment");
        } // the process stops: the queued handler never runs

        // The next instance finds the delivery unfinished past stale-after, marks it failed and hands it over.
        try (ConfigurableApplicationContext second = start("--emporium.events.stale-after=2s",
                "--emporium.events.redelivery=true", "--emporium.events.redelivery-interval=1s")) {
            JdbcClient db = second.getBean(JdbcClient.class);
            await().atMost(Duration.ofSeconds(15)).until(() -> "paid".equals(status(db, orderId)));
            await().atMost(Duration.ofSeconds(15)).until(() -> confirmations(db, orderId) == 1);
        }
        try (ConfigurableApplicationContext third = start()) {
            JdbcClient db = third.getBean(JdbcClient.class);
            Thread.sleep(1_000); // room for anything that would wrongly run again
            assertThat(db.sql("SELECT count(*) FROM order_transitions WHERE order_id = :id AND to_status = 'paid'")
                    .param("id", orderId).query(Long.class).single()).isEqualTo(1);
            assertThat(confirmations(db, orderId)).isEqualTo(1);
        }
    }

    private static String status(JdbcClient jdbc, UUID orderId) {
        return jdbc.sql("SELECT status FROM orders WHERE id = :id").param("id", orderId).query(String.class).single();
    }

    private static long confirmations(JdbcClient jdbc, UUID orderId) {
        return jdbc.sql("SELECT count(*) FROM order_confirmations WHERE order_id = :id").param("id", orderId)
                .query(Long.class).single();
    }
}
