package dev.emporium.cart;

import static dev.emporium.cart.CartRequests.guest;
import static dev.emporium.cart.CartRequests.line;
import static dev.emporium.cart.CartRequests.variantOf;
import static dev.emporium.cart.CartTest.assertProblem;
import static dev.emporium.support.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.emporium.support.Accounts;
import dev.emporium.support.Accounts.SignedIn;
import dev.emporium.support.Catalog;
import dev.emporium.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class CartExpiryTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CartSweeper sweeper;

    Accounts accounts;
    Catalog catalog;
    CartRequests carts;

    @BeforeEach
    void setUp() {
        String base = "http://127.0.0.1:" + port;
        accounts = new Accounts(base);
        catalog = Catalog.as(base, accounts.admin());
        carts = new CartRequests(base);
    }

    /** Lets the cart's time run out, as if nobody had touched it for longer than its time to live. */
    private void expire(String cartId) {
        jdbc.sql("UPDATE carts SET expires_at = now() - interval '1 minute' WHERE id = ?").param(UUID.fromString(cartId)).update();
    }

    private boolean stored(String cartId) {
        return jdbc.sql("SELECT count(*) FROM carts WHERE id = ?").param(UUID.fromString(cartId)).query(Long.class).single() == 1;
    }

    @Test
    void newCartExpiresAfterItsTimeToLive() {
        JsonNode cart = json(carts.start());
        Instant expiresAt = Instant.parse(cart.path("expiresAt").asString());
        assertThat(Duration.between(Instant.now(), expiresAt)).isBetween(Duration.ofDays(29), Duration.ofDays(30));
    }

    @Test
    void expiredCartIsGoneBeforeTheSweepAndDeletedByIt() {
        String variant = variantOf(catalog.published(Catalog.unique(), "Expiring", "Acme", null, 100));
        String token = carts.startGuest();
        String cartId = carts.set(variant, 1, guest(token)).path("cartId").asString();

        expire(cartId);
        assertProblem(carts.view(guest(token)), 404, "not-found");
        assertProblem(carts.setLine(variant, "{\"quantity\":2}", guest(token)), 404, "not-found");
        assertProblem(carts.remove(variant, guest(token)), 404, "not-found");

        assertThat(sweeper.sweep()).isPositive();
        assertThat(stored(cartId)).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM cart_lines WHERE cart_id = ?").param(UUID.fromString(cartId)).query(Long.class).single())
                .isZero();
        sweeper.sweep(); // again: nothing left to do, nothing fails
    }

    @Test
    void customerStartsAfreshAfterTheirCartExpired() {
        String old = variantOf(catalog.published(Catalog.unique(), "Forgotten", "Acme", null, 100));
        String fresh = variantOf(catalog.published(Catalog.unique(), "Wanted", "Acme", null, 100));
        SignedIn customer = accounts.newCustomer();
        String cartId = carts.set(old, 1, customer.bearer()).path("cartId").asString();

        expire(cartId);
        assertProblem(carts.view(customer.bearer()), 404, "not-found");
        JsonNode cart = carts.set(fresh, 1, customer.bearer());
        assertThat(cart.path("cartId").asString()).isNotEqualTo(cartId);
        assertThat(line(cart, old).isMissingNode()).as("expired lines are not revived").isTrue();
        assertThat(stored(cartId)).isFalse();
    }
}
