package dev.emporium.payments;

import dev.emporium.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The provider's callbacks. Nothing in a body is believed before its signature is. */
@RestController
@Tag(name = "Payments")
class WebhookController {

    private final PaymentProvider provider;
    private final WebhookSignature signature;
    private final WebhookProcessor processor;
    private final JsonMapper json;

    WebhookController(PaymentProvider provider, WebhookSignature signature, WebhookProcessor processor, JsonMapper json) {
        this.provider = provider;
        this.signature = signature;
        this.processor = processor;
        this.json = json;
    }

    @PostMapping(path = "/api/v1/payments/webhooks/{provider}", consumes = "application/json")
    @Operation(summary = "Payment provider callback", description = "Signed with HMAC-SHA256 over \"timestamp.body\" in the "
            + "Emporium-Signature header; refused when the signature is wrong or older than the tolerance; a repeated "
            + "event is acknowledged and ignored.")
    ResponseEntity<Void> receive(@PathVariable("provider") String name,
            @RequestHeader(name = WebhookSignature.HEADER, required = false) String signed, @RequestBody String body) {
        if (!provider.name().equals(name)) {
            throw new ErrorResponseException(HttpStatus.NOT_FOUND,
                    Problems.of(HttpStatus.NOT_FOUND, "not-found", "No such payment provider."), null);
        }
        if (!signature.verifies(signed, body)) {
            throw refused("invalid-signature", "The signature is missing, wrong or too old.");
        }
        WebhookEvent event;
        try {
            event = json.readValue(body, WebhookEvent.class);
        } catch (JacksonException malformed) {
            throw refused("malformed-body", "The event could not be read.");
        }
        if (event.id() == null || event.intentId() == null || event.type() == null
                || !(WebhookEvent.SUCCEEDED.equals(event.type()) || WebhookEvent.FAILED.equals(event.type()))) {
            throw refused("malformed-body", "The event lacks an id, an intent or a known type.");
        }
        processor.apply(name, event);
        return ResponseEntity.ok().build();
    }

    private static ErrorResponseException refused(String slug, String detail) {
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, Problems.of(HttpStatus.BAD_REQUEST, slug, detail), null);
    }
}
