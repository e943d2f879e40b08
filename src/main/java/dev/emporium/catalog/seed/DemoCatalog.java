package dev.emporium.catalog.seed;

import dev.emporium.catalog.seed.WordLists.Aisle;
import dev.emporium.catalog.seed.WordLists.Department;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A demo catalog made up from {@link WordLists}. Product number {@code n} is a function of {@code n} alone (its own
 * seeded random generator), so any run makes the same product {@code n} whatever the total, and a larger run only
 * adds products. Slugs, SKUs and ids are derived from the number, which is what makes seeding idempotent.
 */
final class DemoCatalog {

    static final String SLUG_PREFIX = "seed-";
    private static final long SEED = 0x5EED_CA7A_1065L;
    private static final Duration YEAR = Duration.ofDays(365);

    private final String currency;
    private final long minorUnits;
    private final Instant publishedBefore;
    private final List<Leaf> leaves;

    /** Prices in {@code currency}; publication times spread over the year before {@code publishedBefore}. */
    DemoCatalog(String currency, Instant publishedBefore) {
        this.currency = currency;
        this.minorUnits = minorUnitsPerMajor(currency);
        this.publishedBefore = publishedBefore;
        List<Leaf> all = new ArrayList<>();
        for (int d = 0; d < WordLists.DEPARTMENTS.size(); d++) {
            Department department = WordLists.DEPARTMENTS.get(d);
            List<String> brands = brandsOf(d);
            department.aisles().forEach(aisle -> all.add(new Leaf(department, aisle, brands)));
        }
        this.leaves = List.copyOf(all);
    }

    record Category(UUID id, String slug, String name, String parentSlug, int position) {}

    record Product(UUID id, String slug, String title, String description, String brand,
            String categorySlug, Map<String, String> attributes, List<Variant> variants, List<Image> images,
            Instant publishedAt) {

        /** What listings sort by: the lowest variant price, as the admin keeps it. */
        long priceFrom() {
            return variants.stream().mapToLong(Variant::priceMinor).min().orElseThrow();
        }
    }

    record Variant(UUID id, String sku, Map<String, String> options, long priceMinor, String currency, int weightGrams) {}

    record Image(String url, String alt) {}

    private record Leaf(Department department, Aisle aisle, List<String> brands) {
        String categorySlug() {
            return department.slug() + "-" + aisle.slug();
        }
    }

    /** Every department as a root, each followed by its aisles. */
    List<Category> categories() {
        List<Category> categories = new ArrayList<>();
        for (int d = 0; d < WordLists.DEPARTMENTS.size(); d++) {
            Department department = WordLists.DEPARTMENTS.get(d);
            categories.add(new Category(id("category:" + department.slug()), department.slug(), department.name(), null, d));
            for (int a = 0; a < department.aisles().size(); a++) {
                String slug = department.slug() + "-" + department.aisles().get(a).slug();
                categories.add(new Category(id("category:" + slug), slug, department.aisles().get(a).name(),
                        department.slug(), a));
            }
        }
        return categories;
    }

    /** Product {@code number} (from 1). */
    Product product(int number) {
        SplittableRandom random = new SplittableRandom(SEED ^ (number * 0x9E3779B97F4A7C15L));
        Leaf leaf = leaves.get(random.nextInt(leaves.size()));
        Aisle aisle = leaf.aisle();
        String brand = pick(random, leaf.brands());
        String noun = pick(random, aisle.nouns());
        String adjective = pick(random, WordLists.ADJECTIVES);
        String material = pick(random, leaf.department().materials());
        String model = pick(random, WordLists.MODELS) + " " + (1 + random.nextInt(9)) * (random.nextBoolean() ? 10 : 100);
        String title = switch (random.nextInt(3)) {
            case 0 -> brand + " " + adjective + " " + capitalise(material) + " " + noun;
            case 1 -> brand + " " + model + " " + noun;
            default -> brand + " " + adjective + " " + noun + " " + model;
        };
        String slug = SLUG_PREFIX + number + "-" + slugOf(title);

        List<Variant> variants = variants(random, number, aisle);
        String colour = aisle.option().equals("colour")
                ? variants.getFirst().options().get("colour") : pick(random, WordLists.COLOURS);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("colour", colour);
        attributes.put("material", material);

        List<Image> images = new ArrayList<>();
        int imageCount = 1 + random.nextInt(3);
        for (int i = 1; i <= imageCount; i++) {
            images.add(new Image("https://images.example.com/products/" + slug + "/" + i + ".jpg",
                    i == 1 ? title : title + (i == 2 ? ", in use" : ", detail")));
        }

        String description = description(random, title, brand, adjective, noun, material, colour, leaf, variants);
        Instant publishedAt = publishedBefore.minusSeconds(1 + random.nextLong(YEAR.toSeconds()));
        return new Product(id("product:" + number), slug, title, description, brand, leaf.categorySlug(),
                attributes, List.copyOf(variants), List.copyOf(images), publishedAt);
    }

    /** One to four variants, each a different value of the aisle's option, dearer and heavier as they go. */
    private List<Variant> variants(SplittableRandom random, int number, Aisle aisle) {
        int wanted = switch (random.nextInt(10)) {
            case 0, 1, 2 -> 1;
            case 3, 4, 5 -> 2;
            case 6, 7 -> 3;
            default -> 4;
        };
        int count = Math.min(wanted, aisle.values().size());
        int first = random.nextInt(aisle.values().size() - count + 1);
        int basePrice = aisle.minPrice() + random.nextInt(aisle.maxPrice() - aisle.minPrice() + 1);
        int baseGrams = aisle.minGrams() + random.nextInt(aisle.maxGrams() - aisle.minGrams() + 1);
        List<Variant> variants = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            // Whole prices less one minor unit (49.99), the way shops price.
            long price = Math.round(basePrice * (1 + 0.12 * k)) * minorUnits - (minorUnits > 1 ? 1 : 0);
            int grams = (int) Math.round(baseGrams * (1 + 0.15 * k));
            variants.add(new Variant(id("variant:" + number + ":" + k), SLUG_PREFIX + number + "-" + (k + 1),
                    Map.of(aisle.option(), aisle.values().get(first + k)), price, currency, grams));
        }
        return variants;
    }

    private static String description(SplittableRandom random, String title, String brand, String adjective,
            String noun, String material, String colour, Leaf leaf, List<Variant> variants) {
        List<String> sentences = new ArrayList<>();
        sentences.add("The " + title + " is " + article(adjective) + " " + adjective.toLowerCase(Locale.ROOT) + " "
                + noun.toLowerCase(Locale.ROOT) + " made from " + material + ", built for "
                + pick(random, leaf.department().uses()) + ".");
        List<String> more = new ArrayList<>(List.of(
                brand + " designs it in " + pick(random, WordLists.PLACES) + " and backs it with a "
                        + (2 + random.nextInt(4)) + "-year warranty.",
                "Shown here in " + colour + ", it weighs " + weight(variants.getFirst().weightGrams()) + ".",
                "Customers mention its " + String.join(" and its ", pickTwo(random, WordLists.QUALITIES)) + ".",
                "It ships in recycled packaging and pairs well with the rest of our "
                        + leaf.aisle().name().toLowerCase(Locale.ROOT) + "."));
        if (variants.size() > 1) {
            more.add("Choose from " + variants.size() + " options: "
                    + String.join(", ", variants.stream().map(v -> v.options().get(leaf.aisle().option())).toList()) + ".");
        }
        int extra = 1 + random.nextInt(3);
        for (int i = 0; i < extra; i++) {
            sentences.add(more.remove(random.nextInt(more.size())));
        }
        return String.join(" ", sentences);
    }

    /** Each department's share of the brands; every brand sells in two departments. */
    private static List<String> brandsOf(int department) {
        int departments = WordLists.DEPARTMENTS.size();
        List<String> brands = new ArrayList<>();
        for (int b = 0; b < WordLists.BRANDS.size(); b++) {
            if (b % departments == department || (b * 5 + 3) % departments == department) {
                brands.add(WordLists.BRANDS.get(b));
            }
        }
        return List.copyOf(brands);
    }

    /** 100 for EUR, 1 for JPY: the word lists price in major units. */
    private static long minorUnitsPerMajor(String currency) {
        try {
            return (long) Math.pow(10, Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits()));
        } catch (IllegalArgumentException notIso) {
            return 100;
        }
    }

    private static UUID id(String name) {
        return UUID.nameUUIDFromBytes(("emporium-demo-" + name).getBytes(StandardCharsets.UTF_8));
    }

    static String slugOf(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static String weight(int grams) {
        return grams < 1000 ? grams + " g" : String.format(Locale.ROOT, "%.1f kg", grams / 1000.0);
    }

    private static String article(String word) {
        return "AEIOU".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
    }

    private static String capitalise(String words) {
        StringBuilder result = new StringBuilder(words.length());
        for (String word : words.split(" ")) {
            if (!result.isEmpty()) {
                result.append(' ');
            }
            result.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
        }
        return result.toString();
    }

    private static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static <T> List<T> pickTwo(SplittableRandom random, List<T> values) {
        int first = random.nextInt(values.size());
        int second = (first + 1 + random.nextInt(values.size() - 1)) % values.size();
        return List.of(values.get(first), values.get(second));
    }
}
