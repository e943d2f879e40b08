package dev.emporium.catalog;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code emporium.catalog.*}. One shop currency: listings sort and filter by price without converting.
 * {@code priceBuckets} are the upper bounds (minor units) of the price facet's buckets; the last one is open.
 */
@Validated
@ConfigurationProperties("emporium.catalog")
public record CatalogProperties(
        @DefaultValue("EUR") @Pattern(regexp = "[A-Z]{3}") String currency,
        @DefaultValue("20") @Min(1) @Max(100) int defaultPageSize,
        @DefaultValue("100") @Min(1) @Max(500) int maxPageSize,
        @DefaultValue({"1000", "2500", "5000", "10000", "25000", "50000"}) List<Long> priceBuckets,
        @DefaultValue HttpCache httpCache) {

    /** What public catalog responses tell browsers and CDNs. */
    public record HttpCache(
            @DefaultValue("60s") Duration maxAge,
            @DefaultValue("5m") Duration staleWhileRevalidate) {}
}
