package dev.emporium.cart;

import static dev.emporium.cart.CartRequests.variantOf;
import static dev.emporium.support.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.emporium.support.Accounts;
import dev.emporium.support.Accounts.SignedIn;
import dev.emporium.support.Catalog;
import dev.emporium.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class CartsForCheckoutTest {

    @LocalServerPort
    int port;

    @Autowired
    Carts carts;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void checkoutTakesTheCustomersPricedLinesInItsTransaction() {
        String base = "http://127.0.0.1:" + port;
        Accounts accounts = new Accounts(base);
        String variant = variantOf(Catalog.as(base, accounts.admin()).published(Catalog.unique(), "Ordered", "Acme", null, 1000));
        SignedIn customer = accounts.newCustomer();
        UUID customerId = UUID.fromString(customer.id());
        CartRequests requests = new CartRequests(base);

        assertThat(checkOutCommitted(customerId)).as("no cart").isEmpty();
        requests.start(customer.bearer());
        assertThat(checkOutCommitted(customerId)).as("an empty cart").isEmpty();

        requests.set(variant, 3, customer.bearer());
        requests.ship("NL", "standard", customer.bearer());
        assertThatThrownBy(() -> carts.checkOut(customerId)).as("outside a transaction").isInstanceOf(IllegalTransactionStateException.class);

        CartSnapshot rolledBack = transactions.execute(status -> {
            status.setRollbackOnly();
            return carts.checkOut(customerId).orElseThrow();
        });
        assertThat(json(requests.view(customer.bearer())).path("lines").size()).as("lines back after a rollback").isEqualTo(1);

        CartSnapshot cart = transactions.execute(status -> carts.checkOut(customerId).orElseThrow());
        assertThat(cart).isEqualTo(rolledBack);
        assertThat(cart.customerId()).isEqualTo(customerId);
        assertThat(cart.lines()).singleElement().satisfies(line -> {
            assertThat(line.variantId()).isEqualTo(UUID.fromString(variant));
            assertThat(line.quantity()).isEqualTo(3);
            assertThat(line.lineTotal().amount()).isEqualTo(3000);
            assertThat(line.purchasable()).isTrue();
        });
        assertThat(cart.country()).isEqualTo("NL");
        assertThat(cart.totals().tax().amount()).isEqualTo(630);
        assertThat(cart.totals().grandTotal().amount()).isEqualTo(3000 + 630 + 499);
        assertThat(json(requests.view(customer.bearer())).path("lines").size()).as("taken for good after a commit").isZero();
        assertThat(checkOutCommitted(customerId)).isEmpty();
    }

    @Test
    void linesComeInTheOrderTheyWereAdded() {
        String base = "http://127.0.0.1:" + port;
        Accounts accounts = new Accounts(base);
        Catalog catalog = Catalog.as(base, accounts.admin());
        SignedIn customer = accounts.newCustomer();
        CartRequests requests = new CartRequests(base);
        List<String> added = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            added.add(variantOf(catalog.published(Catalog.unique(), "Line " + i, "Acme", null, 100)));
            requests.set(added.getLast(), 1, customer.bearer());
        }
        requests.set(added.getFirst(), 2, customer.bearer());

        CartSnapshot cart = transactions.execute(status -> carts.checkOut(UUID.fromString(customer.id())).orElseThrow());
        assertThat(cart.lines()).extracting(line -> line.variantId().toString()).containsExactlyElementsOf(added);
        assertThat(cart.lines().getFirst().quantity()).isEqualTo(2);
    }

    private Optional<CartSnapshot> checkOutCommitted(UUID customerId) {
        return transactions.execute(status -> carts.checkOut(customerId));
    }

    @Test
    void changeDuringCheckoutWaitsAndLandsInTheEmptiedCart() throws Exception {
        String base = "http://127.0.0.1:" + port;
        Accounts accounts = new Accounts(base);
        Catalog catalog = Catalog.as(base, accounts.admin());
        String ordered = variantOf(catalog.published(Catalog.unique(), "Ordered", "Acme", null, 100));
        String later = variantOf(catalog.published(Catalog.unique(), "Added later", "Acme", null, 100));
        SignedIn customer = accounts.newCustomer();
        CartRequests requests = new CartRequests(base);
        requests.set(ordered, 1, customer.bearer());

        try (ExecutorService client = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<HttpResponse<String>> change = transactions.execute(status -> {
                assertThat(carts.checkOut(UUID.fromString(customer.id()))).isPresent();
                Future<HttpResponse<String>> pending = client.submit(() -> requests.setLine(later, "{\"quantity\":1}", customer.bearer()));
                await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                        SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'UPDATE carts%'""")
                        .query(Long.class).single() > 0);
                return pending;
            });
            HttpResponse<String> response = change.get();
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(json(response).path("lines").size()).isEqualTo(1);
            assertThat(json(response).path("lines").get(0).path("variantId").asString()).isEqualTo(later);
        }
    }
}
