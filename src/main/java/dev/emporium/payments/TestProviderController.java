package dev.emporium.payments;

import dev.emporium.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The test provider's own endpoint, where a client confirms an intent with a card (a real provider hosts this). */
@RestController
@Tag(name = "Payments")
class TestProviderController {

    private final TestPaymentProvider provider;

    TestProviderController(TestPaymentProvider provider) {
        this.provider = provider;
    }

    record Confirm(@NotBlank @Size(max = 200) String clientSecret, @NotBlank @Size(max = 19) String card) {}

    @PostMapping("/api/v1/payments/test-provider/intents/{intentId}/confirm")
    @Operation(summary = "Confirm a test payment intent with a test card",
            description = "4242424242424242 succeeds, 4000000000000002 is declined, 4000000000009995 lacks funds. "
                    + "The outcome reaches Emporium by signed webhook moments later.")
    ResponseEntity<Void> confirm(@PathVariable String intentId, @Valid @RequestBody Confirm confirm) {
        return switch (provider.confirm(intentId, confirm.clientSecret(), confirm.card())) {
            case ACCEPTED -> ResponseEntity.accepted().build();
            case UNKNOWN_INTENT -> throw refused(HttpStatus.NOT_FOUND, "not-found", "No such payment intent.");
            case ALREADY_CONFIRMED -> throw refused(HttpStatus.CONFLICT, "already-confirmed", "This intent was already confirmed.");
            case UNKNOWN_CARD -> throw refused(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-test-card",
                    "Use 4242424242424242, 4000000000000002 or 4000000000009995.");
        };
    }

    private static ErrorResponseException refused(HttpStatus status, String slug, String detail) {
        return new ErrorResponseException(status, Problems.of(status, slug, detail), null);
    }
}
