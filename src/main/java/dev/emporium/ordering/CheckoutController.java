package dev.emporium.ordering;

import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Set;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

@RestController
@Tag(name = "Checkout and orders")
@SecurityRequirement(name = "bearer")
class CheckoutController {

    private final Checkout checkout;
    private final JsonMapper json;
    private final Validator validator;
    private final MeterRegistry meters;

    CheckoutController(Checkout checkout, JsonMapper json, Validator validator, MeterRegistry meters) {
        this.checkout = checkout;
        this.json = json;
        this.validator = validator;
        this.meters = meters;
    }

    @PostMapping(path = "/api/v1/checkout", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Place an order from your cart",
            description = "Reserves the stock, places the order awaiting payment and opens a payment intent; confirm it with the "
                    + "provider. Needs an Idempotency-Key: a retry with the same key and body gets the same answer, the same key "
                    + "with another body 422. Send the shippingAddress (its country the cart's), and expectedTotal (minor units) to be "
                    + "refused (409) if prices changed.")
    ResponseEntity<String> checkout(
            @Parameter(description = "8 to 100 of A-Z a-z 0-9 _ -, new for each order") @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @RequestBody String body, Authentication caller) {
        if (key == null || key.isBlank()) {
            throw OrderProblems.of(HttpStatus.BAD_REQUEST, "idempotency-key-required",
                    "Send an Idempotency-Key header, new for each order, so a retried checkout cannot order twice.");
        }
        if (!IdempotencyKeys.FORMAT.matcher(key).matches()) {
            throw OrderProblems.of(HttpStatus.BAD_REQUEST, "invalid-idempotency-key", "An Idempotency-Key is 8 to 100 of A-Z a-z 0-9 _ -.");
        }
        Checkout.Request request;
        try {
            request = json.readValue(body, Checkout.Request.class);
        } catch (JacksonException malformed) {
            request = null;
        }
        if (request == null) { // unreadable, or the JSON null
            throw OrderProblems.of(HttpStatus.BAD_REQUEST, "malformed-body", "The request body could not be read as the expected JSON document.");
        }
        Set<ConstraintViolation<Checkout.Request>> invalid = validator.validate(request);
        if (!invalid.isEmpty()) {
            count("refused", "validation-failed");
            throw new ConstraintViolationException(invalid);
        }
        IdempotencyKeys.Response response;
        try {
            response = checkout.place(Customers.idOf(caller), key, body, request);
        } catch (ErrorResponseException refused) {
            String type = String.valueOf(refused.getBody().getType());
            count(refused.getStatusCode().is5xxServerError() ? "failed" : "refused", type.substring(type.lastIndexOf('/') + 1));
            throw refused;
        }
        count(response.replayed() ? "replayed" : "placed", "none");
        return ResponseEntity.status(response.status()).contentType(MediaType.APPLICATION_JSON).body(response.body());
    }

    /** {@code emporium_checkouts_total{outcome, problem}}: orders placed, replays answered, refusals by problem kind. */
    private void count(String outcome, String problem) {
        meters.counter("emporium.checkouts", "outcome", outcome, "problem", problem).increment();
    }
}
