package dev.emporium.ordering;

import static dev.emporium.support.TestHttp.assertProblem;
import static dev.emporium.support.TestHttp.get;
import static dev.emporium.support.TestHttp.json;
import static dev.emporium.support.TestHttp.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.emporium.support.Accounts;
import dev.emporium.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class OrderAdministrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Shop shop;
    Accounts accounts;
    String[] staff;

    @BeforeEach
    void setUp() {
        shop = Shop.at(url(""));
        accounts = new Accounts(url(""));
        staff = shop.catalog().staff();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }


    /** An unpaid order of one unit of a variant stocked with two: its id, and the variant's. */
    private record Placed(String orderId, String variant) {}

    private Placed placeAnOrder() {
        String variant = shop.variantWithStock(2, 800);
        Accounts.SignedIn customer = accounts.newCustomer();
        shop.putInCart(customer.bearer(), variant, 1);
        HttpResponse<String> placed = shop.checkout(customer.bearer(), Shop.newKey(), Shop.order());
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        return new Placed(json(placed).path("order").path("id").asString(), variant);
    }

    private HttpResponse<String> move(Placed order, String transition) {
        return post(url("/api/v1/admin/orders/" + order.orderId() + "/transitions"), "application/json", transition, staff);
    }

    @Test
    void aSearchDateOutsideWhatTheDatabaseHoldsIs400() {
        assertProblem(get(url("/api/v1/admin/orders?from=-5000-01-01T00:00:00Z"), staff), 400, "invalid-parameter");
        assertProblem(get(url("/api/v1/admin/orders?to=%2B300000-01-01T00:00:00Z"), staff), 400, "invalid-parameter");
        assertProblem(get(url("/api/v1/admin/orders?from=-4713-11-23T23:59:59Z"), staff), 400, "invalid-parameter");

        HttpResponse<String> widest = get(url("/api/v1/admin/orders?from=-4713-11-24T00:00:00Z"
                + "&to=%2B294276-12-31T23:59:59.999999Z&limit=1"), staff);
        assertThat(widest.statusCode()).as("the first and last instants PostgreSQL holds: " + widest.body()).isEqualTo(200);
    }

    @Test
    void aForgedOrderCursorIs400() {
        String forged = Base64.getUrlEncoder().withoutPadding()
                .encodeToString((Long.MIN_VALUE + ":" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        assertProblem(get(url("/api/v1/orders?cursor=" + forged), accounts.newCustomer().bearer()), 400, "invalid-cursor");
        assertProblem(get(url("/api/v1/admin/orders?cursor=" + forged), staff), 400, "invalid-cursor");
    }

    @Test
    void aStaffCancellationWithoutAReasonIsRecordedAsCancelledByStaff() {
        Placed order = placeAnOrder();

        HttpResponse<String> cancelled = move(order, "{\"to\":\"cancelled\"}");

        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(json(cancelled).path("status").asString()).isEqualTo("cancelled");
        assertThat(shop.available(order.variant())).as("its stock is back").isEqualTo(2);
        assertThat(jdbc.sql("SELECT reason FROM order_transitions WHERE order_id = :id::uuid AND to_status = 'cancelled'")
                .param("id", order.orderId()).query(String.class).single()).isEqualTo("cancelled by staff");
    }

    @Test
    void aNulCharacterInATransitionReasonIs400() {
        Placed order = placeAnOrder();

        HttpResponse<String> refused = move(order, "{\"to\":\"cancelled\",\"reason\":\"asked\\u0000\"}");

        assertProblem(refused, 400, "validation-failed");
        assertThat(json(refused).path("errors").get(0).path("field").asString()).isEqualTo("reason");
        assertThat(shop.available(order.variant())).as("still held for the order").isEqualTo(1);
    }
}
