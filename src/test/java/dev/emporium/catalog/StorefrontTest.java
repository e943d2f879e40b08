package dev.emporium.catalog;

import static dev.emporium.support.TestHttp.get;
import static dev.emporium.support.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.emporium.support.Accounts;
import dev.emporium.support.Catalog;
import dev.emporium.support.IntegrationTest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class StorefrontTest {

    @LocalServerPort
    int port;

    Catalog catalog;

    @BeforeEach
    void setUp() {
        catalog = Catalog.as(url(""), new Accounts(url("")).admin());
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private List<String> slugsOf(HttpResponse<String> page) {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return json(page).path("items").valueStream().map(item -> item.path("slug").asString()).toList();
    }

    @Test
    void draftProductsAreInvisibleToStorefront() {
        String category = catalog.category(Catalog.unique(), null);
        JsonNode draft = catalog.draft(Catalog.unique(), "Secret prototype", "Acme", category, 100, "{}", "Not yet.");
        String categorySlug = json(get(url("/api/v1/admin/catalog/categories/" + category), catalog.staff())).path("slug").asString();

        assertThat(get(url("/api/v1/products/" + draft.path("id").asString())).statusCode()).isEqualTo(404);
        assertThat(get(url("/api/v1/products/by-slug/" + draft.path("slug").asString())).statusCode()).isEqualTo(404);
        assertThat(slugsOf(get(url("/api/v1/products?category=" + categorySlug)))).isEmpty();

        catalog.publish(draft);
        HttpResponse<String> visible = get(url("/api/v1/products/by-slug/" + draft.path("slug").asString()));
        assertThat(visible.statusCode()).isEqualTo(200);
        assertThat(json(visible).path("variants").get(0).path("price").path("amount").asLong()).isEqualTo(100);
    }

    @Test
    void categoryListingIncludesSubcategoriesAndFilters() {
        String rootSlug = Catalog.unique();
        String root = catalog.category(rootSlug, null);
        String child = catalog.category(Catalog.unique(), root);
        String cheap = Catalog.unique();
        String dear = Catalog.unique();
        String other = Catalog.unique();
        catalog.publish(catalog.draft(cheap, "Cheap speaker", "Boomco", root, 1000, "{\"colour\":\"black\"}", "Loud."));
        catalog.publish(catalog.draft(dear, "Dear speaker", "Hifico", child, 90000, "{\"colour\":\"white\"}", "Louder."));
        catalog.publish(catalog.draft(other, "Other speaker", "Boomco", child, 5000, "{\"colour\":\"white\"}", "Loudest."));

        assertThat(slugsOf(get(url("/api/v1/products?category=" + rootSlug + "&sort=price_asc")))).containsExactly(cheap, other, dear);
        assertThat(slugsOf(get(url("/api/v1/products?category=" + rootSlug + "&sort=price_desc")))).containsExactly(dear, other, cheap);
        assertThat(slugsOf(get(url("/api/v1/products?category=" + rootSlug + "&brand=Boomco&sort=price_asc")))).containsExactly(cheap, other);
        assertThat(slugsOf(get(url("/api/v1/products?category=" + rootSlug + "&minPrice=2000&maxPrice=90000&sort=price_asc"))))
                .containsExactly(other, dear);
        assertThat(slugsOf(get(url("/api/v1/products?category=" + rootSlug + "&attr=colour:white&brand=Boomco")))).containsExactly(other);

        JsonNode facets = json(get(url("/api/v1/products/facets?category=" + rootSlug)));
        assertThat(facets.path("brands").get(0).path("brand").asString()).isEqualTo("Boomco");
        assertThat(facets.path("brands").get(0).path("count").asLong()).isEqualTo(2);
        long counted = facets.path("prices").valueStream().mapToLong(bucket -> bucket.path("count").asLong()).sum();
        assertThat(counted).isEqualTo(3);
    }

    @Test
    void pagesWalkTheWholeListingWithoutDuplicates() {
        String categorySlug = Catalog.unique();
        String category = catalog.category(categorySlug, null);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String slug = Catalog.unique();
            expected.add(slug);
            catalog.published(slug, "Item " + i, "Acme", category, 100 + (i % 3) * 10);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            HttpResponse<String> page = get(url("/api/v1/products?category=" + categorySlug + "&sort=price_asc&limit=3"
                    + (cursor == null ? "" : "&cursor=" + cursor)));
            seen.addAll(slugsOf(page));
            cursor = json(page).path("nextCursor").asString(null);
        } while (cursor != null);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(expected).doesNotHaveDuplicates();
    }

    @Test
    void searchFindsTyposAndRanksTitleFirst() {
        String word = Catalog.unique(); // a word no other product has, now or from earlier runs
        String inTitle = Catalog.unique();
        String inDescription = Catalog.unique();
        catalog.publish(catalog.draft(inDescription, "Plain blender", "Acme", null, 100, "{}", "Works with the " + word + " jar."));
        catalog.publish(catalog.draft(inTitle, word + " blender", "Acme", null, 100, "{}", "A blender."));

        assertThat(slugsOf(get(url("/api/v1/products?q=" + word)))).containsExactly(inTitle, inDescription);
        String typo = word.substring(0, 5) + word.substring(6); // one letter dropped
        assertThat(slugsOf(get(url("/api/v1/products?q=" + encode(typo + " blender"))))).contains(inTitle);
    }

    @Test
    void badListingInputIsA4xxProblem() {
        String[] refused = {
            "limit=0", "limit=-1", "limit=1000000000", "limit=abc", "minPrice=abc", "minPrice=-1", "minPrice=9&maxPrice=1",
            "sort=cheapest", "sort=relevance", "attr=colour", "cursor=bm90LWEtY3Vyc29y", "cursor=%25%25%25",
            "q=" + "a".repeat(10_000)
        };
        for (String query : refused) {
            HttpResponse<String> response = get(url("/api/v1/products?" + query));
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(query).contains("application/problem+json");
        }
        assertThat(get(url("/api/v1/products?category=no-such-category")).statusCode()).isEqualTo(404);
        assertThat(get(url("/api/v1/products/by-slug/..%2F..%2Fetc")).statusCode()).isBetween(400, 404);
        assertThat(get(url("/api/v1/products/not-a-uuid")).statusCode()).isEqualTo(400);
    }

    @Test
    void searchSyntaxIsReadAsText() {
        for (String q : List.of("a & b | !c", "(((", "foo:* <-> bar", "'\"\\", "  ", "&&&||!!")) {
            HttpResponse<String> response = get(url("/api/v1/products?q=" + encode(q)));
            assertThat(response.statusCode()).as(q).isEqualTo(200);
        }
    }

    @Test
    void cursorOfAnotherQueryIsRefused() {
        String categorySlug = Catalog.unique();
        String category = catalog.category(categorySlug, null);
        catalog.published(Catalog.unique(), "One", "Acme", category, 100);
        catalog.published(Catalog.unique(), "Two", "Acme", category, 200);
        String cursor = json(get(url("/api/v1/products?category=" + categorySlug + "&limit=1"))).path("nextCursor").asString();
        assertThat(get(url("/api/v1/products?category=" + categorySlug + "&limit=1&cursor=" + cursor)).statusCode()).isEqualTo(200);
        assertThat(get(url("/api/v1/products?category=" + categorySlug + "&sort=price_asc&limit=1&cursor=" + cursor)).statusCode())
                .isEqualTo(400);
    }

    @Test
    void aForgedCursorIs400() {
        String categorySlug = Catalog.unique();
        String category = catalog.category(categorySlug, null);
        catalog.published(Catalog.unique(), "One", "Acme", category, 100);
        catalog.published(Catalog.unique(), "Two", "Acme", category, 200);
        String listing = url("/api/v1/products?category=" + categorySlug + "&limit=1");
        String[] parts = decoded(json(get(listing)).path("nextCursor").asString()).split("\\|");

        // The newest-first sort key is microseconds since 1970: these lie before 4713 BC, where PostgreSQL's dates end.
        for (long forgedKey : List.of(Long.MIN_VALUE, -211_000_000_000_000_000L)) {
            parts[3] = Long.toString(forgedKey);
            HttpResponse<String> response = get(listing + "&cursor=" + encoded(String.join("|", parts)));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(json(response).path("type").asString()).isEqualTo("https://emporium.dev/problems/invalid-cursor");
        }
    }

    @Test
    void aNulCharacterInAListingParameterIs400() {
        for (String query : List.of("q=%00", "q=kettle%00", "brand=Ac%00me", "attr=colour:bl%00ack", "attr=col%00our:black")) {
            HttpResponse<String> response = get(url("/api/v1/products?" + query));
            assertThat(response.statusCode()).as(query + " -> " + response.body()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(query).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(json(response).path("type").asString()).as(query).isEqualTo("https://emporium.dev/problems/invalid-parameter");
        }
        HttpResponse<String> facets = get(url("/api/v1/products/facets?q=%00"));
        assertThat(facets.statusCode()).as(facets.body()).isEqualTo(400);
        assertThat(json(facets).path("type").asString()).isEqualTo("https://emporium.dev/problems/invalid-parameter");
    }

    private static String decoded(String cursor) {
        return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    }

    private static String encoded(String cursor) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(cursor.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void notModifiedOnMatchingETag() {
        JsonNode product = catalog.published(Catalog.unique(), "Teapot", "Acme", null, 2500);
        String path = url("/api/v1/products/" + product.path("id").asString());
        HttpResponse<String> first = get(path);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).startsWith("\"");
        assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).contains("public", "max-age=60", "stale-while-revalidate=300");

        HttpResponse<String> again = get(path, "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(get(path, "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);

        HttpResponse<String> signedIn = get(path, catalog.staff());
        assertThat(signedIn.headers().firstValue("Cache-Control")).contains("private, no-store");
    }

    @Test
    void categoryTreeNestsChildren() {
        String rootSlug = Catalog.unique();
        String root = catalog.category(rootSlug, null);
        String childSlug = Catalog.unique();
        catalog.category(childSlug, root);
        JsonNode tree = json(get(url("/api/v1/categories")));
        JsonNode node = tree.valueStream().filter(category -> category.path("slug").asString().equals(rootSlug)).findFirst().orElseThrow();
        assertThat(node.path("children").get(0).path("slug").asString()).isEqualTo(childSlug);
    }
}
