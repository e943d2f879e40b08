package dev.emporium.catalog;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

/** An amount in the currency's minor units (cents for EUR), never a floating-point number. */
@Schema(description = "An amount in minor units (e.g. 1999 = 19.99) and its ISO 4217 currency.")
public record Money(
        @NotNull @PositiveOrZero @Max(MAX_AMOUNT) Long amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency) {

    /** Ten billion in major units: far above any price, far below overflow when quantities multiply it. */
    public static final long MAX_AMOUNT = 1_000_000_000_000L;
}
