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
    void checkoutReadsTheCustomersPricedCartAndEmptiesItInItsTransaction() {
        String base = "http://127.0.0.1:" + port;
        Accounts accounts = new Accounts(base);
        String variant = variantOf(Catalog.as(base, accounts.admin()).published(Catalog.unique(), "Ordered", "Acme", null, 1000));
        SignedIn customer = accounts.newCustomer();
        UUID customerId = UUID.fromString(customer.id());
        CartRequests requests = new CartRequests(base);

        assertThat(carts.ofCustomer(customerId)).as("no cart").isEmpty();
        requests.start(customer.bearer());
        assertThat(carts.ofCustomer(customerId)).as("an empty cart").isEmpty();

        requests.set(variant, 3, customer.bearer());
        requests.ship("NL", "standard", customer.bearer());
        CartSnapshot cart = carts.ofCustomer(customerId).orElseThrow();
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

        assertThatThrownBy(() -> carts.checkedOut(cart.cartId())).isInstanceOf(IllegalTransactionStateException.class);
        transactions.executeWithoutResult(status -> carts.checkedOut(cart.cartId()));
        assertThat(carts.ofCustomer(customerId)).isEmpty();
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
                CartSnapshot cart = carts.ofCustomer(UUID.fromString(customer.id())).orElseThrow();
                Future<HttpResponse<String>> pending = client.submit(() -> requests.setLine(later, "{\"quantity\":1}", customer.bearer()));
                await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                        SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%FROM carts%'""")
                        .query(Long.class).single() > 0);
                carts.checkedOut(cart.cartId());
                return pending;
            });
            HttpResponse<String> response = change.get();
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(json(response).path("lines").size()).isEqualTo(1);
            assertThat(json(response).path("lines").get(0).path("variantId").asString()).isEqualTo(later);
        }
    }
}
