package dev.emporium.catalog.seed;

import static dev.emporium.support.TestHttp.get;
import static dev.emporium.support.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.emporium.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class CatalogSeederTest {

    @LocalServerPort
    int port;

    @Autowired
    CatalogSeeder seeder;

    @Autowired
    JdbcClient jdbc;

    private JsonNode page(String query) {
        HttpResponse<String> response = get("http://127.0.0.1:" + port + "/api/v1/products?" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private List<Long> counts() {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM products), (SELECT count(*) FROM product_variants),
                       (SELECT count(*) FROM product_images), (SELECT count(*) FROM categories)""")
                .query((rs, row) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).single();
    }

    private long seededUpTo(int number) {
        return jdbc.sql("SELECT count(*) FROM products WHERE slug ~ '^seed-[0-9]+-' AND split_part(slug, '-', 2)::int <= :n")
                .param("n", number).query(Long.class).single();
    }

    @Test
    void seededProductsAreListedAndFoundInTheStorefront() {
        seeder.seed(2_000);
        assertThat(seededUpTo(2_000)).isEqualTo(2_000);

        JsonNode headphones = page("category=audio-headphones&limit=20");
        assertThat(headphones.path("items").size()).isEqualTo(20);
        assertThat(headphones.path("nextCursor").isString()).isTrue();
        assertThat(page("category=audio").path("items").size()).isPositive();

        JsonNode found = page("q=headphones");
        assertThat(found.path("items").valueStream().map(item -> item.path("title").asString()))
                .isNotEmpty().anyMatch(title -> title.contains("Headphones"));

        String id = headphones.path("items").get(0).path("id").asString();
        JsonNode product = json(get("http://127.0.0.1:" + port + "/api/v1/products/" + id));
        assertThat(product.path("variants").size()).isBetween(1, 4);
        assertThat(product.path("priceFrom").path("currency").asString()).isEqualTo("EUR");
        assertThat(product.path("category").path("slug").asString()).isEqualTo("audio-headphones");
    }

    @Test
    void seedingAgainAddsNothingAndALargerCountOnlyTheRest() {
        seeder.seed(2_000);
        List<Long> before = counts();

        CatalogSeeder.Report again = seeder.seed(2_000);

        assertThat(again.products()).isZero();
        assertThat(again.categories()).isZero();
        assertThat(again.alreadyThere()).isEqualTo(2_000);
        assertThat(counts()).isEqualTo(before);

        CatalogSeeder.Report more = seeder.seed(2_050);
        assertThat(more.products() + more.alreadyThere()).isEqualTo(2_050);
        assertThat(seededUpTo(2_050)).isEqualTo(2_050);
        assertThat(counts().getFirst()).isEqualTo(before.getFirst() + more.products());
    }
}
