package dev.emporium.cart;

import static dev.emporium.cart.CartRequests.both;
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
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class CartMergeTest {

    @LocalServerPort
    int port;

    Catalog catalog;
    Accounts accounts;
    CartRequests carts;

    @BeforeEach
    void setUp() {
        String base = "http://127.0.0.1:" + port;
        accounts = new Accounts(base);
        catalog = Catalog.as(base, accounts.admin());
        carts = new CartRequests(base);
    }

    private String variant(long price) {
        return variantOf(catalog.published(Catalog.unique(), "Merge item", "Acme", null, price));
    }

    @Test
    void guestCartMergesIntoTheCustomersCartOnTheirFirstSignedInRequest() {
        String both = variant(100);
        String guestOnly = variant(200);
        String customerOnly = variant(300);
        SignedIn customer = accounts.newCustomer();
        carts.set(both, 97, customer.bearer());
        carts.set(customerOnly, 1, customer.bearer());

        String token = carts.startGuest();
        carts.set(both, 5, guest(token));
        carts.set(guestOnly, 2, guest(token));
        assertThat(carts.ship("FR", "express", guest(token)).statusCode()).isEqualTo(200);

        HttpResponse<String> merged = carts.view(both(customer.bearer(), token));
        assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);
        JsonNode cart = json(merged);
        assertThat(cart.path("mergedGuestCart").path("lines").asInt()).isEqualTo(2);
        assertThat(cart.path("mergedGuestCart").path("linesLeftOut").asInt()).isZero();
        assertThat(line(cart, both).path("quantity").asInt()).as("97 + 5, capped").isEqualTo(99);
        assertThat(line(cart, guestOnly).path("quantity").asInt()).isEqualTo(2);
        assertThat(line(cart, customerOnly).path("quantity").asInt()).isEqualTo(1);
        assertThat(cart.path("country").asString()).as("the guest's choice, the customer had none").isEqualTo("FR");
        assertThat(cart.path("shippingOption").asString()).isEqualTo("express");

        assertProblem(carts.view(guest(token)), 404, "not-found");
        JsonNode again = json(carts.view(both(customer.bearer(), token)));
        assertThat(again.path("mergedGuestCart").isMissingNode()).as("merged once only").isTrue();
        assertThat(again.path("cartId").asString()).isEqualTo(cart.path("cartId").asString());
        assertThat(line(again, both).path("quantity").asInt()).isEqualTo(99);
    }

    @Test
    void guestCartBecomesTheCartOfACustomerWhoHadNone() {
        String item = variant(150);
        String token = carts.startGuest();
        carts.set(item, 3, guest(token));
        SignedIn customer = accounts.newCustomer();

        HttpResponse<String> started = carts.start(both(customer.bearer(), token));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        JsonNode cart = json(started);
        assertThat(cart.path("token").isMissingNode()).isTrue();
        assertThat(cart.path("mergedGuestCart").path("lines").asInt()).isEqualTo(1);
        assertThat(line(cart, item).path("quantity").asInt()).isEqualTo(3);
        assertProblem(carts.view(guest(token)), 404, "not-found");
        assertThat(line(json(carts.view(customer.bearer())), item).path("quantity").asInt()).isEqualTo(3);
    }

    @Test
    void unknownGuestTokenBesideABearerTokenIsIgnored() {
        SignedIn customer = accounts.newCustomer();
        carts.set(variant(100), 1, customer.bearer());
        HttpResponse<String> response = carts.view(both(customer.bearer(), CartTokens.issue()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("mergedGuestCart").isMissingNode()).isTrue();
        assertThat(json(response).path("lines").size()).isEqualTo(1);
    }
}
