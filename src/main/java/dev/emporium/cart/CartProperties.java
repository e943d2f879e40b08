package dev.emporium.cart;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code emporium.cart.*}. {@code taxRates}: basis points by ISO 3166 country code ({@code DE: 1900} is 19 %); the
 * shop ships only to these countries. {@code shippingOptions}: flat rates by option name, in minor units of the shop
 * currency. Keys are normalised (countries upper case, options lower case), since environment variables lose case.
 */
@Validated
@ConfigurationProperties("emporium.cart")
record CartProperties(
        @DefaultValue("30d") Duration guestTtl,
        @DefaultValue("90d") Duration customerTtl,
        Map<@Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 country code such as DE") String,
                @NotNull @Min(0) @Max(10_000) Integer> taxRates,
        Map<@Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "lower-case letters, digits and '-'") String,
                @NotNull @Valid ShippingOption> shippingOptions,
        @DefaultValue("10m") Duration sweepInterval,
        @DefaultValue("500") @Min(1) @Max(10_000) int sweepBatchSize) {

    /** A flat-rate way of delivery: what customers read, and its price. */
    record ShippingOption(@NotBlank String name, @NotNull @PositiveOrZero Long price) {}

    CartProperties {
        taxRates = taxRates == null ? Map.of() : taxRates.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(rate -> rate.getKey().toUpperCase(Locale.ROOT), Map.Entry::getValue));
        shippingOptions = shippingOptions == null ? Map.of() : shippingOptions.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(option -> option.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue));
    }

    Duration ttlOf(boolean customer) {
        return customer ? customerTtl : guestTtl;
    }
}
