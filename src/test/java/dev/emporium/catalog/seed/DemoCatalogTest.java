package dev.emporium.catalog.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.emporium.catalog.seed.DemoCatalog.Category;
import dev.emporium.catalog.seed.DemoCatalog.Product;
import dev.emporium.catalog.seed.DemoCatalog.Variant;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DemoCatalogTest {

    private static final Instant TODAY = Instant.parse("2026-06-01T00:00:00Z");
    private final DemoCatalog catalog = new DemoCatalog("EUR", TODAY);

    @Test
    void sameNumberMakesTheSameProductWhateverRanBefore() {
        DemoCatalog other = new DemoCatalog("EUR", TODAY);
        IntStream.rangeClosed(1, 500).forEach(other::product);

        assertThat(other.product(42)).isEqualTo(catalog.product(42));
        assertThat(catalog.product(42)).isNotEqualTo(catalog.product(43));
    }

    @Test
    void treeHasEightDepartmentsOfFiveAislesWithUniqueSlugs() {
        List<Category> categories = catalog.categories();

        assertThat(categories.stream().filter(category -> category.parentSlug() == null)).hasSize(8);
        assertThat(categories.stream().filter(category -> category.parentSlug() != null)).hasSize(40)
                .allSatisfy(leaf -> assertThat(leaf.slug()).startsWith(leaf.parentSlug() + "-"));
        assertThat(categories.stream().map(Category::slug).distinct()).hasSameSizeAs(categories);
        assertThat(WordLists.BRANDS).hasSize(60).doesNotHaveDuplicates();
    }

    @Test
    void productsAreWhatTheAdminWouldHavePublished() {
        Set<String> leaves = new HashSet<>();
        catalog.categories().stream().filter(category -> category.parentSlug() != null).forEach(leaf -> leaves.add(leaf.slug()));
        Set<String> skus = new HashSet<>();
        Set<String> slugs = new HashSet<>();

        for (int number = 1; number <= 3_000; number++) {
            Product product = catalog.product(number);
            String prefix = "seed-" + number + "-";
            assertThat(product.slug()).startsWith(prefix).matches("[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(slugs.add(product.slug())).isTrue();
            assertThat(leaves).contains(product.categorySlug());
            assertThat(product.brand()).isIn(WordLists.BRANDS);
            assertThat(product.title()).startsWith(product.brand() + " ");
            assertThat(product.description().split("\\. ")).hasSizeBetween(2, 4);
            assertThat(product.attributes()).containsOnlyKeys("colour", "material");
            assertThat(product.variants()).hasSizeBetween(1, 4);
            assertThat(product.variants()).allSatisfy(variant -> {
                assertThat(skus.add(variant.sku())).isTrue();
                assertThat(variant.sku()).startsWith(prefix);
                assertThat(variant.currency()).isEqualTo("EUR");
                assertThat(variant.priceMinor()).isPositive();
                assertThat(variant.weightGrams()).isPositive();
            });
            assertThat(product.variants().stream().map(Variant::options).distinct()).hasSameSizeAs(product.variants());
            assertThat(product.priceFrom()).isEqualTo(product.variants().stream().mapToLong(Variant::priceMinor).min().orElseThrow());
            assertThat(product.images()).hasSizeBetween(1, 3)
                    .allSatisfy(image -> assertThat(image.url()).startsWith("https://images.example.com/"));
            assertThat(product.publishedAt()).isBefore(TODAY).isAfterOrEqualTo(TODAY.minus(Duration.ofDays(365)));
        }
    }

    @Test
    void titlesAndDescriptionsUseTheWordLists() {
        List<Product> products = IntStream.rangeClosed(1, 2_000).mapToObj(catalog::product).toList();

        assertThat(products).anyMatch(product -> product.title().contains("Headphones"));
        assertThat(products.stream().map(Product::title).distinct().count()).isGreaterThan(1_950);
    }

    @Test
    void pricesAreInTheShopCurrencysMinorUnits() {
        Variant euros = catalog.product(7).variants().getFirst();
        Variant yen = new DemoCatalog("JPY", TODAY).product(7).variants().getFirst();

        assertThat(euros.priceMinor() % 100).isEqualTo(99);
        assertThat(yen.currency()).isEqualTo("JPY");
        assertThat(yen.priceMinor()).isEqualTo((euros.priceMinor() + 1) / 100);
    }

    @Test
    void productCountIsOneWholeNumber() {
        assertThat(SeedCommand.products(List.of("100000"))).isEqualTo(100_000);
        assertThatThrownBy(() -> SeedCommand.products(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SeedCommand.products(List.of("-1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SeedCommand.products(List.of("lots"))).isInstanceOf(IllegalArgumentException.class);
    }
}
