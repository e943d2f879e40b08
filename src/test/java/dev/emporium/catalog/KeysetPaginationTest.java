package dev.emporium.catalog;

import static dev.emporium.support.TestHttp.get;
import static dev.emporium.support.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.emporium.support.Accounts;
import dev.emporium.support.Catalog;
import dev.emporium.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class KeysetPaginationTest {

    @LocalServerPort
    int port;

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /**
     * Offset paging shifts when rows arrive before the offset: items repeat or are skipped. Keyset paging continues
     * after the last item seen, so every product that existed when the walk began is seen exactly once.
     */
    @Test
    void keysetPaginationHasNoDuplicatesOrGapsUnderConcurrentInserts() throws InterruptedException {
        Catalog catalog = Catalog.as(url(""), new Accounts(url("")).admin());
        String categorySlug = Catalog.unique();
        String category = catalog.category(categorySlug, null);
        List<String> existing = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String slug = Catalog.unique();
            existing.add(slug);
            catalog.published(slug, "Walked " + i, "Acme", category, ThreadLocalRandom.current().nextLong(100, 10_000));
        }

        AtomicBoolean walking = new AtomicBoolean(true);
        AtomicInteger inserted = new AtomicInteger();
        Thread inserter = Thread.ofVirtual().start(() -> {
            while (walking.get()) {
                catalog.published(Catalog.unique(), "Arrived", "Acme", category, ThreadLocalRandom.current().nextLong(100, 10_000));
                inserted.incrementAndGet();
            }
        });

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            HttpResponse<String> page = get(url("/api/v1/products?category=" + categorySlug + "&sort=price_asc&limit=3"
                    + (cursor == null ? "" : "&cursor=" + cursor)));
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            json(page).path("items").valueStream().forEach(item -> seen.add(item.path("slug").asString()));
            cursor = json(page).path("nextCursor").asString(null);
            Thread.sleep(20); // room for an insert between pages
        } while (cursor != null);
        walking.set(false);
        inserter.join();

        assertThat(inserted.get()).as("products inserted during the walk").isPositive();
        assertThat(seen).doesNotHaveDuplicates().containsAll(existing);
    }
}
