package dev.emporium.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.emporium.identity.token.AccessTokens;
import dev.emporium.payments.TestPaymentProvider;
import dev.emporium.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class OversellTest {

    static final int CUSTOMERS = 500;
    static final int UNITS = 10;

    @LocalServerPort
    int port;

    @Autowired
    AccessTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestPaymentProvider provider;

    @Test
    void neverOversellsUnderConcurrentCheckout() throws Exception {
        Shop shop = Shop.at("http://127.0.0.1:" + port);
        String variant = shop.variantWithStock(UNITS, 999);
        // Customers signed in by token straight away: 500 password hashes would only slow the test down.
        List<String[]> customers = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            String token = tokens.issue(UUID.randomUUID(), List.of("customer")).value();
            String[] bearer = {"Authorization", "Bearer " + token};
            shop.putInCart(bearer, variant, 1);
            customers.add(bearer);
        }

        long openedBefore = provider.intentsOpened();
        long cancelledBefore = provider.intentsCancelled();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> checkouts = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String[] customer : customers) {
                checkouts.add(threads.submit(() -> {
                    start.await();
                    return shop.checkout(customer, Shop.newKey(), Shop.order());
                }));
            }
            start.countDown();
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<HttpResponse<String>> checkout : checkouts) {
            statuses.add(checkout.get().statusCode());
        }
        Map<Integer, Long> byStatus = statuses.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        assertThat(byStatus.get(201)).as("orders placed, by status %s", byStatus).isEqualTo(UNITS);
        assertThat(byStatus.keySet()).as("every other answer is out of stock or shed, never a server error")
                .allMatch(status -> status == 201 || status == 409 || status == 503);
        assertThat(jdbc.sql("SELECT on_hand - reserved FROM stock WHERE variant_id = :id").param("id", UUID.fromString(variant))
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("""
                SELECT coalesce(sum(l.quantity), 0) FROM order_lines l JOIN orders o ON o.id = l.order_id
                WHERE l.variant_id = :id AND o.status = 'pending_payment'""")
                .param("id", UUID.fromString(variant)).query(Integer.class).single()).isEqualTo(UNITS);
        // Checkouts open their intent before they lock the stock: those that then found none give it up.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                (provider.intentsOpened() - openedBefore) - (provider.intentsCancelled() - cancelledBefore))
                .as("payment intents left open: one per order, none for a checkout without stock").isEqualTo(UNITS));
    }
}
