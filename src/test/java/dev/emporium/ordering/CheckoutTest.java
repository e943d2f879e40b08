package dev.emporium.ordering;

import static dev.emporium.support.TestHttp.get;
import static dev.emporium.support.TestHttp.json;
import static dev.emporium.support.TestHttp.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.emporium.inventory.Inventory;
import dev.emporium.payments.TestPaymentProvider;
import dev.emporium.support.Accounts;
import dev.emporium.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class CheckoutTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    TestPaymentProvider provider;

    @Autowired
    Inventory inventory;

    Shop shop;
    Accounts accounts;

    @BeforeEach
    void setUp() {
        shop = Shop.at(url(""));
        accounts = new Accounts(url(""));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private double checkouts(String outcome, String problem) {
        var counter = meters.find("emporium.checkouts").tag("outcome", outcome).tag("problem", problem).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void checkoutsAreCountedByOutcomeAndProblem() {
        String variant = shop.variantWithStock(1, 700);
        Accounts.SignedIn ann = accounts.newCustomer();
        shop.putInCart(ann.bearer(), variant, 1);
        double placed = checkouts("placed", "none");
        double replayed = checkouts("replayed", "none");
        double invalid = checkouts("refused", "validation-failed");
        double emptyCart = checkouts("refused", "empty-cart");

        String key = Shop.newKey();
        shop.checkout(ann.bearer(), key, Shop.order());
        shop.checkout(ann.bearer(), key, Shop.order());
        shop.checkout(ann.bearer(), Shop.newKey(), "{}");
        shop.checkout(ann.bearer(), Shop.newKey(), Shop.order());

        assertThat(checkouts("placed", "none")).isEqualTo(placed + 1);
        assertThat(checkouts("replayed", "none")).isEqualTo(replayed + 1);
        assertThat(checkouts("refused", "validation-failed")).isEqualTo(invalid + 1);
        assertThat(checkouts("refused", "empty-cart")).isEqualTo(emptyCart + 1);
    }

    private long ordersOf(String customerId) {
        return jdbc.sql("SELECT count(*) FROM orders WHERE customer_id = :id").param("id", UUID.fromString(customerId))
                .query(Long.class).single();
    }

    @Test
    void aCustomerGoesFromCartToAPaidOrder() {
        String variant = shop.variantWithStock(5, 2500);
        Accounts.SignedIn ann = accounts.newCustomer();
        shop.putInCart(ann.bearer(), variant, 2);

        HttpResponse<String> placed = shop.checkout(ann.bearer(), Shop.newKey(), Shop.order());
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        JsonNode body = json(placed);
        String orderId = body.path("order").path("id").asString();
        assertThat(body.path("order").path("status").asString()).isEqualTo("pending_payment");
        assertThat(body.path("order").path("number").asString()).matches("EM-\\d{6,}");
        assertThat(body.path("order").path("shippingAddress").path("city").asString()).isEqualTo("Berlin");
        assertThat(json(get(url("/api/v1/orders/" + orderId), ann.bearer())).path("shippingAddress").path("line1").asString())
                .isEqualTo("Hauptstraße 1");
        assertThat(shop.available(variant)).isEqualTo(3);

        HttpResponse<String> confirmed = pay(body);
        assertThat(confirmed.statusCode()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                json(get(url("/api/v1/orders/" + orderId), ann.bearer())).path("status").asString()).isEqualTo("paid"));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT count(*) FROM order_confirmations WHERE order_id = :id")
                .param("id", UUID.fromString(orderId)).query(Long.class).single() == 1);
        assertThat(shop.available(variant)).isEqualTo(3);
        assertThat(jdbc.sql("SELECT on_hand FROM stock WHERE variant_id = :id").param("id", UUID.fromString(variant))
                .query(Integer.class).single()).as("sold: off the shelf").isEqualTo(3);
    }

    @Test
    void theCheckoutAnswersTheOrderAsReadingItLater() {
        Accounts.SignedIn ann = accounts.newCustomer();
        for (int i = 0; i < 4; i++) {
            shop.putInCart(ann.bearer(), shop.variantWithStock(5, 900 + i), 1 + i);
        }
        JsonNode placed = json(shop.checkout(ann.bearer(), Shop.newKey(), Shop.order())).path("order");

        JsonNode read = json(get(url("/api/v1/orders/" + placed.path("id").asString()), ann.bearer()));
        assertThat(placed.path("lines")).hasSize(4);
        assertThat(placed).isEqualTo(read);
    }

    /**
     * The window between a reservation's release on expiry and the cancellation of its order (a handler that has
     * not run yet): the stock goes to another customer, then the first payment arrives. It must not be sold twice.
     */
    @Test
    void paymentAfterTheReservationWasReleasedCancelsAndRefundsInsteadOfSellingAgain() {
        String variant = shop.variantWithStock(2, 1500);
        Accounts.SignedIn ann = accounts.newCustomer();
        JsonNode late = ordered(ann, variant, 2);
        UUID lateOrder = UUID.fromString(late.path("order").path("id").asString());
        inventory.release(lateOrder, "held too long");
        Accounts.SignedIn bob = accounts.newCustomer();
        shop.putInCart(bob.bearer(), variant, 2);
        HttpResponse<String> bobs = shop.checkout(bob.bearer(), Shop.newKey(), Shop.order());
        assertThat(bobs.statusCode()).as(bobs.body()).isEqualTo(201);

        String intent = late.path("payment").path("intentId").asString();
        pay(late);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(provider.refunded(intent)).isTrue());
        assertThat(json(get(url("/api/v1/orders/" + lateOrder), ann.bearer())).path("status").asString()).isEqualTo("cancelled");
        assertThat(jdbc.sql("SELECT on_hand || '/' || reserved FROM stock WHERE variant_id = :id").param("id", UUID.fromString(variant))
                .query(String.class).single()).as("on hand / reserved: nothing sold, Bob's two still held").isEqualTo("2/2");
    }

    @Test
    void aDeclinedPaymentCancelsTheOrderAndReleasesItsStock() {
        String variant = shop.variantWithStock(4, 1000);
        Accounts.SignedIn ann = accounts.newCustomer();
        JsonNode body = ordered(ann, variant, 3);
        assertThat(shop.available(variant)).isEqualTo(1);

        pay(body, TestPaymentProvider.DECLINED);

        String orderPath = "/api/v1/orders/" + body.path("order").path("id").asString();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(json(get(url(orderPath), ann.bearer())).path("status").asString()).isEqualTo("cancelled"));
        assertThat(shop.available(variant)).isEqualTo(4);
    }

    @Test
    void idempotentReplayReturnsSameResponse() {
        String variant = shop.variantWithStock(5, 1200);
        Accounts.SignedIn ann = accounts.newCustomer();
        shop.putInCart(ann.bearer(), variant, 1);
        String key = Shop.newKey();

        HttpResponse<String> first = shop.checkout(ann.bearer(), key, Shop.order("\"expectedTotal\":null"));
        HttpResponse<String> replay = shop.checkout(ann.bearer(), key, Shop.order("\"expectedTotal\":null"));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(ordersOf(ann.id())).isEqualTo(1);
        assertThat(shop.available(variant)).isEqualTo(4);
    }

    @Test
    void sameKeyDifferentBodyIs422() {
        String variant = shop.variantWithStock(5, 1200);
        Accounts.SignedIn ann = accounts.newCustomer();
        shop.putInCart(ann.bearer(), variant, 1);
        String key = Shop.newKey();
        assertThat(shop.checkout(ann.bearer(), key, Shop.order()).statusCode()).isEqualTo(201);
        HttpResponse<String> other = shop.checkout(ann.bearer(), key, Shop.order("\"expectedTotal\":1"));
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(ordersOf(ann.id())).isEqualTo(1);
    }

    @Test
    void concurrentSameKeyMakesOneOrder() throws Exception {
        String variant = shop.variantWithStock(5, 1200);
        Accounts.SignedIn ann = accounts.newCustomer();
        shop.putInCart(ann.bearer(), variant, 2);
        String key = Shop.newKey();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> clicks = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 8; i++) {
                clicks.add(threads.submit(() -> {
                    start.await();
                    return shop.checkout(ann.bearer(), key, Shop.order());
                }));
            }
            start.countDown();
        }
        String firstBody = clicks.getFirst().get().body();
        for (Future<HttpResponse<String>> click : clicks) {
            assertThat(click.get().statusCode()).as(click.get().body()).isEqualTo(201);
            assertThat(click.get().body()).isEqualTo(firstBody);
        }
        assertThat(ordersOf(ann.id())).isEqualTo(1);
        assertThat(shop.available(variant)).isEqualTo(3);
    }

    @Test
    void aSlowProviderDoesNotHoldTheItemsStockFromOtherBuyers() throws Exception {
        String variant = shop.variantWithStock(5, 1300);
        Accounts.SignedIn ann = accounts.newCustomer();
        shop.putInCart(ann.bearer(), variant, 1);
        provider.simulateLatency(Duration.ofMillis(1500));
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<HttpResponse<String>> checkout = threads.submit(() -> shop.checkout(ann.bearer(), Shop.newKey(), Shop.order()));
            await().atMost(Duration.ofSeconds(10)).until(() -> provider.callsInProgress() == 1);
            // While the provider answers, Ann's checkout holds her own rows only: the item's stock row, which every
            // buyer of it needs, is free (NOWAIT fails at once if another transaction holds it).
            assertThat(jdbc.sql("SELECT on_hand - reserved FROM stock WHERE variant_id = :id FOR UPDATE NOWAIT")
                    .param("id", UUID.fromString(variant)).query(Integer.class).single()).isEqualTo(5);
            HttpResponse<String> placed = checkout.get();
            assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        } finally {
            provider.simulateLatency(Duration.ZERO);
        }
        assertThat(shop.available(variant)).isEqualTo(4);
    }

    @Test
    void checkoutRefusesBadInputWithoutPlacingAnything() {
        String variant = shop.variantWithStock(1, 500);
        Accounts.SignedIn ann = accounts.newCustomer();
        assertThat(shop.checkout(ann.bearer(), Shop.newKey(), Shop.order()).statusCode()).as("empty cart").isEqualTo(422);
        shop.putInCart(ann.bearer(), variant, 1);
        assertThat(shop.checkout(ann.bearer(), null, "{}").statusCode()).as("no key").isEqualTo(400);
        assertThat(shop.checkout(ann.bearer(), "short", "{}").statusCode()).as("malformed key").isEqualTo(400);
        assertThat(shop.checkout(ann.bearer(), "has spaces in it!", "{}").statusCode()).isEqualTo(400);
        assertThat(shop.checkout(ann.bearer(), Shop.newKey(), "{not json").statusCode()).isEqualTo(400);
        assertThat(shop.checkout(ann.bearer(), Shop.newKey(), Shop.order("\"expectedTotal\":1")).statusCode()).as("prices changed").isEqualTo(409);
        assertThat(shop.checkout(new String[0], Shop.newKey(), Shop.order()).statusCode()).isEqualTo(401);
        assertThat(shop.checkout(ann.bearer(), Shop.newKey(), "null").statusCode()).as("JSON null").isEqualTo(400);

        HttpResponse<String> noAddress = shop.checkout(ann.bearer(), Shop.newKey(), "{}");
        assertThat(noAddress.statusCode()).as(noAddress.body()).isEqualTo(400);
        assertThat(json(noAddress).path("errors").get(0).path("field").asString()).isEqualTo("shippingAddress");
        HttpResponse<String> badAddress = shop.checkout(ann.bearer(), Shop.newKey(), """
                {"shippingAddress":{"name":"Ann\\nExample","line1":"","postalCode":"10115","city":"Berlin","country":"germany"}}""");
        assertThat(badAddress.statusCode()).as(badAddress.body()).isEqualTo(400);
        assertThat(json(badAddress).path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("name", "line1", "country");
        HttpResponse<String> elsewhere = shop.checkout(ann.bearer(), Shop.newKey(), Shop.ADDRESS.replace("DE", "FR")
                .transform(address -> "{\"shippingAddress\":" + address + "}"));
        assertThat(elsewhere.statusCode()).as(elsewhere.body()).isEqualTo(422);
        assertThat(json(elsewhere).path("type").asString()).endsWith("address-country-mismatch");

        assertThat(ordersOf(ann.id())).isZero();
        assertThat(shop.available(variant)).isEqualTo(1);
    }

    @Test
    void customerCannotSeeOthersOrders() {
        String variant = shop.variantWithStock(2, 700);
        Accounts.SignedIn ann = accounts.newCustomer();
        Accounts.SignedIn bob = accounts.newCustomer();
        shop.putInCart(ann.bearer(), variant, 1);
        String orderId = json(shop.checkout(ann.bearer(), Shop.newKey(), Shop.order())).path("order").path("id").asString();

        assertThat(get(url("/api/v1/orders/" + orderId), ann.bearer()).statusCode()).isEqualTo(200);
        assertThat(get(url("/api/v1/orders/" + orderId), bob.bearer()).statusCode()).isEqualTo(404);
        assertThat(post(url("/api/v1/orders/" + orderId + "/cancel"), "application/json", "", bob.bearer()).statusCode()).isEqualTo(404);
        assertThat(json(get(url("/api/v1/orders"), bob.bearer())).path("items")).isEmpty();
        assertThat(json(get(url("/api/v1/orders"), ann.bearer())).path("items")).hasSize(1);
        assertThat(get(url("/api/v1/admin/orders"), ann.bearer()).statusCode()).isEqualTo(403);
    }

    @Test
    void illegalTransitionIs409() {
        String variant = shop.variantWithStock(2, 700);
        Accounts.SignedIn ann = accounts.newCustomer();
        shop.putInCart(ann.bearer(), variant, 1);
        String orderId = json(shop.checkout(ann.bearer(), Shop.newKey(), Shop.order())).path("order").path("id").asString();
        String[] staff = shop.catalog().staff();
        String transitions = url("/api/v1/admin/orders/" + orderId + "/transitions");

        HttpResponse<String> shipUnpaid = post(transitions, "application/json", "{\"to\":\"shipped\"}", staff);
        assertThat(shipUnpaid.statusCode()).as(shipUnpaid.body()).isEqualTo(409);
        assertThat(post(transitions, "application/json", "{\"to\":\"paid\"}", staff).statusCode()).isEqualTo(409);
        assertThat(post(transitions, "application/json", "{\"to\":\"teleported\"}", staff).statusCode()).isEqualTo(400);

        HttpResponse<String> cancelled = post(transitions, "application/json", "{\"to\":\"cancelled\",\"reason\":\"asked\"}", staff);
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(shop.available(variant)).isEqualTo(2);
        assertThat(post(transitions, "application/json", "{\"to\":\"cancelled\"}", staff).statusCode()).isEqualTo(409);

        JsonNode found = json(get(url("/api/v1/admin/orders?status=cancelled&customer=" + ann.id()), staff));
        assertThat(found.path("items")).hasSize(1);
        assertThat(get(url("/api/v1/admin/orders?status=lost"), staff).statusCode()).isEqualTo(400);
    }

    /** The customer puts {@code quantity} of the variant in their cart and checks out: the checkout's answer. */
    private JsonNode ordered(Accounts.SignedIn customer, String variant, int quantity) {
        shop.putInCart(customer.bearer(), variant, quantity);
        return json(shop.checkout(customer.bearer(), Shop.newKey(), Shop.order()));
    }

    private HttpResponse<String> pay(JsonNode placed) {
        return pay(placed, TestPaymentProvider.SUCCEEDS);
    }

    /** Confirms the checkout's payment intent with a test card, as the customer's client would. */
    private HttpResponse<String> pay(JsonNode placed, String card) {
        JsonNode payment = placed.path("payment");
        return post(url("/api/v1/payments/test-provider/intents/" + payment.path("intentId").asString() + "/confirm"),
                "application/json", """
                {"clientSecret":"%s","card":"%s"}""".formatted(payment.path("clientSecret").asString(), card));
    }

    private String paymentStatus(String intentId) {
        return jdbc.sql("SELECT status FROM payments WHERE intent_id = :intent").param("intent", intentId).query(String.class).single();
    }

    /** An order of one unit of a variant stocked with two, placed by a new customer and not yet paid. */
    private record Placed(String variant, Accounts.SignedIn customer, JsonNode body, String orderId, String intentId) {}

    private Placed placeAnOrder() {
        String variant = shop.variantWithStock(2, 900);
        Accounts.SignedIn customer = accounts.newCustomer();
        shop.putInCart(customer.bearer(), variant, 1);
        JsonNode body = json(shop.checkout(customer.bearer(), Shop.newKey(), Shop.order()));
        return new Placed(variant, customer, body, body.path("order").path("id").asString(),
                body.path("payment").path("intentId").asString());
    }

    private HttpResponse<String> moveTo(Placed order, String transition) {
        return post(url("/api/v1/admin/orders/" + order.orderId() + "/transitions"), "application/json", transition,
                shop.catalog().staff());
    }

    private String statusOf(Placed order) {
        return json(get(url("/api/v1/orders/" + order.orderId()), order.customer().bearer())).path("status").asString();
    }

    @Test
    void aRefundedOrderGivesItsPaymentBack() {
        Placed order = placeAnOrder();

        assertThat(pay(order.body()).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> paymentStatus(order.intentId()).equals("succeeded"));
        await().atMost(Duration.ofSeconds(10)).until(() -> statusOf(order).equals("paid"));
        assertThat(provider.refunded(order.intentId())).isFalse();

        HttpResponse<String> refunded = moveTo(order, "{\"to\":\"refunded\",\"reason\":\"returned\"}");
        assertThat(refunded.statusCode()).as(refunded.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> paymentStatus(order.intentId()).equals("refunded"));
        assertThat(provider.refunded(order.intentId())).isTrue();
    }

    @Test
    void aCancelledOrderCanNoLongerBePaid() {
        Placed order = placeAnOrder();
        HttpResponse<String> cancelled = moveTo(order, "{\"to\":\"cancelled\",\"reason\":\"customer called\"}");
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> paymentStatus(order.intentId()).equals("cancelled"));
        HttpResponse<String> payment = pay(order.body());
        assertThat(payment.statusCode()).as(payment.body()).isEqualTo(404);
        assertThat(statusOf(order)).isEqualTo("cancelled");
    }

    @Test
    void aPaymentThatArrivesAfterCancellationIsRefunded() {
        Duration usualDelay = provider.webhookDelay();
        // The provider takes the confirmation but reports it late: the order is cancelled in between, the intent can
        // no longer be given up, and the payment arrives for a cancelled order.
        provider.delayWebhooks(Duration.ofSeconds(3));
        try {
            Placed order = placeAnOrder();
            assertThat(pay(order.body()).statusCode()).isEqualTo(202);
            HttpResponse<String> cancelled = moveTo(order, "{\"to\":\"cancelled\",\"reason\":\"customer called\"}");
            assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(20)).until(() -> paymentStatus(order.intentId()).equals("refunded"));
            assertThat(provider.refunded(order.intentId())).isTrue();
            assertThat(statusOf(order)).isEqualTo("cancelled");
            assertThat(shop.available(order.variant())).isEqualTo(2);
        } finally {
            provider.delayWebhooks(usualDelay);
        }
    }
}
