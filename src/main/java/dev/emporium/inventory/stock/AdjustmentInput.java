package dev.emporium.inventory.stock;

import dev.emporium.platform.web.FreeText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A correction of on hand: units counted in (positive) or written off (negative), and why. */
record AdjustmentInput(
        @NotNull @NonZero @Min(-MAX_DELTA) @Max(MAX_DELTA) Integer delta,
        @NotBlank @Size(max = 500) @FreeText(multiline = true) String reason) {

    /** Larger corrections are typing mistakes more often than deliveries. */
    static final int MAX_DELTA = 1_000_000;

    AdjustmentInput {
        reason = reason == null ? null : reason.strip();
    }
}
