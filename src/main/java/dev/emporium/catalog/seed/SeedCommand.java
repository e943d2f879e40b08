package dev.emporium.catalog.seed;

import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** {@code ./emporium seed --products N}: a demo catalog of N products in the configured database. */
@Component
@ConditionalOnProperty(name = "emporium.command", havingValue = "seed")
class SeedCommand implements ApplicationRunner {

    static final int MAX_PRODUCTS = 10_000_000;

    private final CatalogSeeder seeder;

    SeedCommand(CatalogSeeder seeder) {
        this.seeder = seeder;
    }

    @Override
    public void run(ApplicationArguments args) {
        System.out.println(seeder.seed(products(args.getOptionValues("products"))).summary());
    }

    static int products(List<String> values) {
        try {
            int products = Integer.parseInt(values == null || values.size() != 1 ? "" : values.getFirst().strip());
            if (products >= 0 && products <= MAX_PRODUCTS) {
                return products;
            }
        } catch (NumberFormatException notANumber) {
            // Falls through to the same explanation.
        }
        throw new IllegalArgumentException("--products takes one whole number from 0 to " + MAX_PRODUCTS);
    }
}
