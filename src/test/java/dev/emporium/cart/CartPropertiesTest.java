package dev.emporium.cart;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class CartPropertiesTest {

    /** The environment variables docs/configuration.md names, bound as Spring Boot binds the process environment. */
    @Test
    void taxRatesAndShippingOptionsCanComeFromEnvironmentVariables() {
        Map<String, Object> environment = Map.of(
                "EMPORIUM_CART_GUEST_TTL", "7d",
                "EMPORIUM_CART_TAXRATES_DE", "1900",
                "EMPORIUM_CART_TAXRATES_BE", "2100",
                "EMPORIUM_CART_SHIPPINGOPTIONS_PICKUP_NAME", "Pick up in store",
                "EMPORIUM_CART_SHIPPINGOPTIONS_PICKUP_PRICE", "0");
        Binder binder = new Binder(ConfigurationPropertySources.from(List.of(
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment))));

        CartProperties properties = binder.bindOrCreate("emporium.cart", CartProperties.class);

        assertThat(properties.guestTtl()).isEqualTo(Duration.ofDays(7));
        assertThat(properties.customerTtl()).isEqualTo(Duration.ofDays(90));
        assertThat(properties.taxRates()).containsExactlyInAnyOrderEntriesOf(Map.of("DE", 1900, "BE", 2100));
        assertThat(properties.shippingOptions()).containsOnlyKeys("pickup");
        assertThat(properties.shippingOptions().get("pickup").name()).isEqualTo("Pick up in store");
        assertThat(properties.shippingOptions().get("pickup").price()).isZero();
    }
}
