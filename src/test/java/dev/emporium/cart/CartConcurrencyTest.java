package dev.emporium.cart;

import static dev.emporium.cart.CartRequests.variantOf;
import static dev.emporium.support.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.emporium.support.Accounts;
import dev.emporium.support.Accounts.SignedIn;
import dev.emporium.support.Catalog;
import dev.emporium.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class CartConcurrencyTest {

    private static final int WRITERS = 24;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void concurrentUpdatesOfOneLineLeaveOneLineWithOneOfTheWrittenQuantities() throws Exception {
        String base = "http://127.0.0.1:" + port;
        Accounts accounts = new Accounts(base);
        String variant = variantOf(Catalog.as(base, accounts.admin()).published(Catalog.unique(), "Contended", "Acme", null, 100));
        SignedIn customer = accounts.newCustomer(); // no cart yet: the writers also race to make it
        CartRequests carts = new CartRequests(base);

        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> writes = new ArrayList<>();
        try (ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int quantity = 1; quantity <= WRITERS; quantity++) {
                String body = "{\"quantity\":" + quantity + "}";
                writes.add(writers.submit(() -> {
                    start.await();
                    return carts.setLine(variant, body, customer.bearer());
                }));
            }
            start.countDown();
            for (Future<HttpResponse<String>> write : writes) {
                HttpResponse<String> response = write.get();
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                assertThat(json(response).path("lines").size()).isEqualTo(1);
            }
        }

        JsonNode cart = json(carts.view(customer.bearer()));
        assertThat(cart.path("lines").size()).isEqualTo(1);
        assertThat(cart.path("lines").get(0).path("quantity").asInt()).isIn(IntStream.rangeClosed(1, WRITERS).boxed().toList());
        UUID customerId = UUID.fromString(customer.id());
        assertThat(jdbc.sql("SELECT count(*) FROM carts WHERE customer_id = ?").param(customerId).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM cart_lines l JOIN carts c ON c.id = l.cart_id WHERE c.customer_id = ?")
                .param(customerId).query(Long.class).single()).isEqualTo(1);
    }
}
