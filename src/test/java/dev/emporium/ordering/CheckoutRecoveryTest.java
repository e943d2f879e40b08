package dev.emporium.ordering;

import static dev.emporium.support.TestHttp.get;
import static dev.emporium.support.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.emporium.payments.Payments;
import dev.emporium.payments.TestPaymentProvider;
import dev.emporium.support.Accounts;
import dev.emporium.support.IntegrationTest;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.util.ReflectionTestUtils;

@IntegrationTest
@TestPropertySource(properties = {
    "emporium.payments.timeout=200ms",
    "emporium.payments.circuit-breaker.window=2",
    "emporium.payments.circuit-breaker.minimum-calls=2",
    "emporium.payments.circuit-breaker.open-for=30s",
    "emporium.ordering.reservation-hold=1s"
})
/** Checkouts when the provider is down or the customer never pays: no stock stays held. */
class CheckoutRecoveryTest {

    @LocalServerPort
    int port;

    @Autowired
    TestPaymentProvider provider;

    @Autowired
    Payments payments;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @AfterEach
    void providerRecovers() {
        provider.simulateLatency(Duration.ZERO);
    }

    @Test
    void expiredReservationReleasesStock() throws ClassNotFoundException {
        String base = "http://127.0.0.1:" + port;
        Shop shop = Shop.at(base);
        String variant = shop.variantWithStock(2, 800);
        Accounts.SignedIn ann = new Accounts(base).newCustomer();
        shop.putInCart(ann.bearer(), variant, 2);
        HttpResponse<String> placed = shop.checkout(ann.bearer(), Shop.newKey(), Shop.order());
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        assertThat(shop.available(variant)).isZero();
        String orderPath = base + "/api/v1/orders/" + json(placed).path("order").path("id").asString();

        // The sweeper, as its schedule would run it once the 1 s hold is over (the suite turns the schedule off).
        Object sweeper = context.getBean(Class.forName("dev.emporium.inventory.stock.ReservationSweeper"));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            ReflectionTestUtils.invokeMethod(sweeper, "sweep");
            assertThat(shop.available(variant)).isEqualTo(2);
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(json(get(orderPath, ann.bearer())).path("status").asString()).isEqualTo("cancelled"));
    }

    @Test
    void providerTimeoutOpensCircuitAndHoldsNoStock() {
        String base = "http://127.0.0.1:" + port;
        Shop shop = Shop.at(base);
        String variant = shop.variantWithStock(3, 1500);
        Accounts.SignedIn ann = new Accounts(base).newCustomer();
        shop.putInCart(ann.bearer(), variant, 2);
        provider.simulateLatency(Duration.ofSeconds(2));

        for (int attempt = 0; attempt < 3; attempt++) {
            HttpResponse<String> refused = shop.checkout(ann.bearer(), Shop.newKey(), Shop.order());
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(shop.available(variant)).as("no stock held").isEqualTo(3);
        }
        assertThat(payments.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(jdbc.sql("SELECT count(*) FROM orders WHERE customer_id = :id").param("id", UUID.fromString(ann.id()))
                .query(Long.class).single()).isZero();
        assertThat(json(get(base + "/api/v1/cart", ann.bearer())).path("lines")).as("the cart is intact").hasSize(1);
    }
}
