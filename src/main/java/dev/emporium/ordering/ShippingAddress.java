package dev.emporium.ordering;

import dev.emporium.platform.web.FreeText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Where an order ships, as the customer gives it at checkout. No control characters anywhere: the lines end up on
 * labels and in emails. The country is an ISO 3166 code and must be the one the cart's tax and shipping are for.
 */
public record ShippingAddress(
        @NotBlank @Size(max = 100) @FreeText String name,
        @NotBlank @Size(max = 200) @FreeText String line1,
        @Size(max = 200) @FreeText String line2,
        @NotBlank @Size(max = 20) @FreeText String postalCode,
        @NotBlank @Size(max = 100) @FreeText String city,
        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 country code such as DE") String country) {}
