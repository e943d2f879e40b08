package dev.emporium.cart;

import static dev.emporium.support.TestHttp.json;
import static dev.emporium.support.TestHttp.request;
import static dev.emporium.support.TestHttp.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.emporium.support.Catalog;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;

/** Cart requests as a storefront sends them, with a guest's cart token, a customer's access token, or both. */
record CartRequests(String baseUrl) {

    static String[] guest(String token) {
        return new String[] {"X-Cart-Token", token};
    }

    static String[] both(String[] bearer, String token) {
        return new String[] {bearer[0], bearer[1], "X-Cart-Token", token};
    }

    HttpResponse<String> start(String... headers) {
        return send(request(baseUrl + "/api/v1/cart", headers).POST(BodyPublishers.noBody()));
    }

    /** A new guest cart's token. */
    String startGuest() {
        HttpResponse<String> created = start();
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).path("token").asString();
    }

    HttpResponse<String> view(String... headers) {
        return send(request(baseUrl + "/api/v1/cart", headers).GET());
    }

    HttpResponse<String> setLine(String variantId, String body, String... headers) {
        return send(request(baseUrl + "/api/v1/cart/lines/" + variantId, headers)
                .header("Content-Type", "application/json").PUT(BodyPublishers.ofString(body)));
    }

    /** Sets a line and expects the cart back. */
    JsonNode set(String variantId, int quantity, String... headers) {
        HttpResponse<String> response = setLine(variantId, "{\"quantity\":" + quantity + "}", headers);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    HttpResponse<String> remove(String variantId, String... headers) {
        return send(request(baseUrl + "/api/v1/cart/lines/" + variantId, headers).DELETE());
    }

    HttpResponse<String> ship(String country, String option, String... headers) {
        return send(request(baseUrl + "/api/v1/cart/shipping", headers).header("Content-Type", "application/json")
                .PUT(BodyPublishers.ofString("{\"country\":\"%s\",\"option\":\"%s\"}".formatted(country, option))));
    }

    /** A published product's only variant. */
    static String variantOf(JsonNode product) {
        return product.path("variants").get(0).path("id").asString();
    }

    /** The line of the variant in the cart, or a missing node. */
    static JsonNode line(JsonNode cart, String variantId) {
        return cart.path("lines").valueStream().filter(line -> line.path("variantId").asString().equals(variantId))
                .findFirst().orElse(tools.jackson.databind.node.MissingNode.getInstance());
    }

    static long total(JsonNode cart, String name) {
        return cart.path("totals").path(name).path("amount").asLong();
    }

    /** Changes the price of the product's only variant through the staff API, as a catalog manager would. */
    static JsonNode reprice(Catalog catalog, JsonNode product, long amount) {
        JsonNode variant = product.path("variants").get(0);
        HttpResponse<String> changed = send(request(catalog.baseUrl() + "/api/v1/admin/catalog/products/" + product.path("id").asString()
                        + "/variants/" + variant.path("id").asString(), catalog.with("If-Match", "\"v" + product.path("version").asInt() + "\""))
                .header("Content-Type", "application/json")
                .PUT(BodyPublishers.ofString("""
                        {"sku":"%s","options":{"size":"M"},"price":{"amount":%d,"currency":"EUR"}}"""
                        .formatted(variant.path("sku").asString(), amount))));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        return json(changed);
    }

    /** Takes the product off the storefront. */
    static JsonNode archive(Catalog catalog, JsonNode product) {
        HttpResponse<String> archived = send(request(catalog.baseUrl() + "/api/v1/admin/catalog/products/" + product.path("id").asString()
                + "/archive", catalog.with("If-Match", "\"v" + product.path("version").asInt() + "\"")).POST(BodyPublishers.noBody()));
        assertThat(archived.statusCode()).as(archived.body()).isEqualTo(200);
        return json(archived);
    }
}
