package dev.emporium.support;

import static dev.emporium.support.TestHttp.json;
import static dev.emporium.support.TestHttp.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;

/** Builds catalog data through the staff API, as a catalog manager would, under names no other test uses. */
public record Catalog(String baseUrl, String[] staff) {

    public static Catalog as(String baseUrl, Accounts.SignedIn staff) {
        return new Catalog(baseUrl, staff.bearer());
    }

    /** A slug-safe word unique to this run, e.g. {@code t4k2x9q}. */
    public static String unique() {
        return "t" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
    }

    public String category(String slug, String parentId) {
        HttpResponse<String> created = post(baseUrl + "/api/v1/admin/catalog/categories", "application/json",
                """
                {"slug":"%s","name":"%s","parentId":%s}""".formatted(slug, slug, parentId == null ? "null" : "\"" + parentId + "\""),
                staff);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).path("id").asString();
    }

    /** A draft product with one variant at {@code price} (minor units, EUR). */
    public JsonNode draft(String slug, String title, String brand, String categoryId, long price, String attributes,
            String description) {
        HttpResponse<String> created = post(baseUrl + "/api/v1/admin/catalog/products", "application/json", """
                {"slug":"%s","title":"%s","brand":"%s","categoryId":%s,"description":"%s","attributes":%s,
                 "images":[{"url":"https://images.example.com/%s.jpg","alt":"%s"}],
                 "variants":[{"sku":"%s","options":{"size":"M"},"price":{"amount":%d,"currency":"EUR"},"weightGrams":300}]}"""
                .formatted(slug, title, brand, categoryId == null ? "null" : "\"" + categoryId + "\"", description,
                        attributes, slug, title, slug.toUpperCase(), price), staff);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created);
    }

    public JsonNode published(String slug, String title, String brand, String categoryId, long price) {
        return publish(draft(slug, title, brand, categoryId, price, "{}", "A product made for tests."));
    }

    public JsonNode publish(JsonNode product) {
        HttpResponse<String> published = post(baseUrl + "/api/v1/admin/catalog/products/" + product.path("id").asString()
                + "/publish", "application/json", "", with("If-Match", "\"v" + product.path("version").asInt() + "\""));
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        return json(published);
    }

    public String[] with(String... headers) {
        String[] all = new String[staff.length + headers.length];
        System.arraycopy(staff, 0, all, 0, staff.length);
        System.arraycopy(headers, 0, all, staff.length, headers.length);
        return all;
    }
}
