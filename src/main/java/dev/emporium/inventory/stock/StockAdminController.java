package dev.emporium.inventory.stock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stock for staff ({@code admin}, {@code catalog_manager}). Adjustments are deltas, which commute: two people
 * booking in deliveries at once both count, so they need no {@code If-Match}; the ETag still tells a reader
 * whether anything moved.
 */
@RestController
@RequestMapping("/api/v1/admin/inventory/{variantId}")
@Tag(name = "Inventory administration")
@SecurityRequirement(name = "bearer")
class StockAdminController {

    private final StockAdministration administration;

    StockAdminController(StockAdministration administration) {
        this.administration = administration;
    }

    @GetMapping
    @Operation(summary = "A variant's stock", description = "On hand, reserved, available and the latest adjustments.")
    ResponseEntity<StockView> get(@PathVariable UUID variantId) {
        return withETag(administration.get(variantId));
    }

    @PostMapping("/adjustments")
    @Operation(summary = "Correct on hand", description = "A delta and a reason, recorded with who made it. "
            + "Refused (409) when on hand would drop below what is reserved.")
    ResponseEntity<StockView> adjust(@PathVariable UUID variantId, @Valid @RequestBody AdjustmentInput input,
            Authentication authentication) {
        return withETag(administration.adjust(variantId, input, authentication.getName()));
    }

    private static ResponseEntity<StockView> withETag(StockView stock) {
        return ResponseEntity.ok().eTag("\"v" + stock.version() + "\"").body(stock);
    }
}
