package dev.emporium.ordering;

import static dev.emporium.support.TestHttp.json;
import static dev.emporium.support.TestHttp.post;
import static dev.emporium.support.TestHttp.request;
import static dev.emporium.support.TestHttp.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.emporium.support.Accounts;
import dev.emporium.support.Catalog;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** A shop for checkout tests: a published variant with stock, and customers with carts. */
record Shop(String baseUrl, Catalog catalog) {

    static Shop at(String baseUrl) {
        return new Shop(baseUrl, Catalog.as(baseUrl, new Accounts(baseUrl).admin()));
    }

    /** A published product's variant with {@code units} in stock, at {@code price} minor units. */
    String variantWithStock(int units, long price) {
        JsonNode product = catalog.published(Catalog.unique(), "Checkout item", "Acme", null, price);
        String variantId = product.path("variants").get(0).path("id").asString();
        HttpResponse<String> stocked = post(baseUrl + "/api/v1/admin/inventory/" + variantId + "/adjustments",
                "application/json", """
                {"delta": %d, "reason": "initial stock for a test"}""".formatted(units), catalog.staff());
        assertThat(stocked.statusCode()).as(stocked.body()).isBetween(200, 201);
        return variantId;
    }

    /** Puts the variant in the customer's cart and chooses standard shipping to Germany. */
    void putInCart(String[] customer, String variantId, int quantity) {
        put(customer, "/api/v1/cart/lines/" + variantId, "{\"quantity\":" + quantity + "}");
        put(customer, "/api/v1/cart/shipping", "{\"country\":\"DE\",\"option\":\"standard\"}");
    }

    private void put(String[] customer, String path, String body) {
        HttpResponse<String> response = send(request(baseUrl + path, customer)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
    }

    HttpResponse<String> checkout(String[] customer, String key, String body) {
        String[] headers = key == null ? customer : with(customer, "Idempotency-Key", key);
        return post(baseUrl + "/api/v1/checkout", "application/json", body, headers);
    }

    /** A shipping address in Germany, where {@link #putInCart} ships. */
    static final String ADDRESS = """
            {"name":"Ann Example","line1":"Hauptstraße 1","postalCode":"10115","city":"Berlin","country":"DE"}""";

    /** A checkout body: the address above, then any further fields (e.g. {@code "expectedTotal":1}). */
    static String order(String... fields) {
        StringBuilder body = new StringBuilder("{\"shippingAddress\":").append(ADDRESS);
        for (String field : fields) {
            body.append(',').append(field);
        }
        return body.append('}').toString();
    }

    static String newKey() {
        return UUID.randomUUID().toString();
    }

    int available(String variantId) {
        return json(dev.emporium.support.TestHttp.get(baseUrl + "/api/v1/admin/inventory/" + variantId, catalog.staff()))
                .path("available").asInt();
    }

    static String[] with(String[] headers, String... more) {
        String[] all = new String[headers.length + more.length];
        System.arraycopy(headers, 0, all, 0, headers.length);
        System.arraycopy(more, 0, all, headers.length, more.length);
        return all;
    }
}
