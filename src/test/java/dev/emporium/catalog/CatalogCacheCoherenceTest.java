package dev.emporium.catalog;

import static dev.emporium.support.TestHttp.get;
import static dev.emporium.support.TestHttp.json;
import static dev.emporium.support.TestHttp.request;
import static dev.emporium.support.TestHttp.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.emporium.support.Accounts;
import dev.emporium.support.Catalog;
import dev.emporium.support.Instances;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** Two instances sharing one Redis, as two nodes behind a load balancer: a change on one shows on the other. */
class CatalogCacheCoherenceTest {

    private static final String KEY_PREFIX = "emporium-test:" + UUID.randomUUID() + ":cache:";
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoInstances() {
        first = start();
        second = start();
    }

    @AfterAll
    static void stop() {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
    }

    private static ConfigurableApplicationContext start() {
        return Instances.start(
                "--emporium.redis.url=redis://127.0.0.1:6379",
                "--emporium.redis.timeout=1s",
                "--emporium.cache.key-prefix=" + KEY_PREFIX,
                // Long enough that only an invalidation, never expiry, can explain a fresh read within the test.
                "--emporium.cache.caches.product.local-ttl=5m",
                "--emporium.cache.caches.listing.local-ttl=5m");
    }

    private static String url(ConfigurableApplicationContext instance, String path) {
        return Instances.url(instance) + path;
    }

    private static double localHits(ConfigurableApplicationContext instance, String cache) {
        return instance.getBean(MeterRegistry.class).get("emporium.cache.gets")
                .tag("cache", cache).tag("level", "local").tag("result", "hit").counter().count();
    }

    @Test
    void anUpdateOnOneInstanceIsVisibleOnTheOtherWithinOneSecond() {
        Catalog onFirst = Catalog.as(url(first, ""), new Accounts(url(first, "")).admin());
        String categorySlug = Catalog.unique();
        String category = onFirst.category(categorySlug, null);
        JsonNode product = onFirst.published(Catalog.unique(), "Old title", "Acme", category, 1000);
        String productPath = "/api/v1/products/" + product.path("id").asString();
        String listingPath = "/api/v1/products?category=" + categorySlug;

        assertThat(json(get(url(second, productPath))).path("title").asString()).isEqualTo("Old title");
        assertThat(json(get(url(second, listingPath))).path("items").get(0).path("title").asString()).isEqualTo("Old title");
        double hitsBefore = localHits(second, "product");
        assertThat(json(get(url(second, productPath))).path("title").asString()).isEqualTo("Old title");
        assertThat(localHits(second, "product")).as("the second read is served from the cache").isEqualTo(hitsBefore + 1);

        HttpResponse<String> updated = send(request(url(first, "/api/v1/admin/catalog/products/" + product.path("id").asString()),
                onFirst.with("If-Match", "\"v" + product.path("version").asInt() + "\""))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"slug":"%s","title":"New title","brand":"Acme","categoryId":"%s"}"""
                        .formatted(product.path("slug").asString(), category))));
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
            assertThat(json(get(url(second, productPath))).path("title").asString()).isEqualTo("New title");
            assertThat(json(get(url(second, listingPath))).path("items").get(0).path("title").asString()).isEqualTo("New title");
        });
    }

    @Test
    void aProductPublishedOnOneInstanceJoinsTheOthersListingsWithinOneSecond() {
        Catalog onFirst = Catalog.as(url(first, ""), new Accounts(url(first, "")).admin());
        String categorySlug = Catalog.unique();
        String category = onFirst.category(categorySlug, null);
        String listingPath = "/api/v1/products?category=" + categorySlug;
        assertThat(json(get(url(second, listingPath))).path("items")).isEmpty();

        onFirst.published(Catalog.unique(), "Newcomer", "Acme", category, 500);

        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                assertThat(json(get(url(second, listingPath))).path("items")).hasSize(1));
    }
}
