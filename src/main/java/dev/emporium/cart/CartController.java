package dev.emporium.cart;

import dev.emporium.cart.CartService.CartView;
import dev.emporium.cart.CartService.Merged;
import dev.emporium.catalog.CatalogProperties;
import dev.emporium.catalog.Money;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's one cart: a guest names it with {@code X-Cart-Token}, a signed-in customer with their access token.
 * There is no cart id in any path, so no one can ask for somebody else's. Responses are never stored by caches:
 * they carry a customer's cart or a guest's secret.
 */
@RestController
@RequestMapping("/api/v1/cart")
@Tag(name = "Cart")
class CartController {

    static final String TOKEN_HEADER = "X-Cart-Token";

    private final CartService carts;
    private final CartProperties properties;
    private final String currency;

    CartController(CartService carts, CartProperties properties, CatalogProperties catalog) {
        this.carts = carts;
        this.properties = properties;
        this.currency = catalog.currency();
    }

    /**
     * A decimal, not an Integer: the JSON reader refuses 1.5 for a whole number anyway, but as an unreadable body; read
     * as a decimal, a fraction is a validation failure of the quantity like 100 or -1, in the same list of errors.
     */
    record LineChange(@NotNull @Digits(integer = 2, fraction = 0) @Min(0) @Max(CartService.MAX_QUANTITY) BigDecimal quantity) {}

    record ShippingChoice(
            @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 country code such as DE") String country,
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,49}", message = "must be the name of a shipping option") String option) {}

    /** The cart as clients see it; {@code token} only in the answer that made a guest cart, {@code mergedGuestCart} only after a merge. */
    record CartResponse(UUID cartId, String token, List<CartLine> lines, String country, String shippingOption,
            CartTotals totals, Instant expiresAt, Merged mergedGuestCart) {

        static CartResponse of(CartView view) {
            CartSnapshot cart = view.cart();
            return new CartResponse(cart.cartId(), view.token(), cart.lines(), cart.country(), cart.shippingOption(),
                    cart.totals(), view.expiresAt(), view.merged());
        }
    }

    /** Where the shop ships and how, for a storefront's checkout form. */
    record ShippingOffer(List<String> countries, List<Option> options) {
        record Option(String option, String name, Money price) {}
    }

    @GetMapping("/shipping-options")
    @Operation(summary = "The countries the shop ships to and the shipping options")
    ShippingOffer shippingOptions() {
        return new ShippingOffer(properties.taxRates().keySet().stream().sorted().toList(),
                properties.shippingOptions().entrySet().stream()
                        .sorted(Comparator.comparing((Map.Entry<String, CartProperties.ShippingOption> option) -> option.getValue().price())
                                .thenComparing(Map.Entry::getKey))
                        .map(option -> new ShippingOffer.Option(option.getKey(), option.getValue().name(),
                                new Money(option.getValue().price(), currency)))
                        .toList());
    }

    @PostMapping
    @Operation(summary = "Start a guest cart, or get the signed-in customer's",
            description = "A guest gets 201 and the cart's token, shown only this once: send it as X-Cart-Token from then on.")
    ResponseEntity<CartResponse> start(Authentication caller, @RequestHeader(name = TOKEN_HEADER, required = false) String token) {
        CartView view = carts.start(CartCaller.of(caller, token));
        return answer(view.token() != null ? HttpStatus.CREATED : HttpStatus.OK, view);
    }

    @GetMapping
    @Operation(summary = "The cart, priced now",
            description = "A signed-in customer who also sends a guest cart's X-Cart-Token gets that cart merged into theirs.")
    ResponseEntity<CartResponse> view(Authentication caller, @RequestHeader(name = TOKEN_HEADER, required = false) String token) {
        return answer(HttpStatus.OK, carts.view(CartCaller.of(caller, token)));
    }

    @PutMapping("/lines/{variantId}")
    @Operation(summary = "Set a line's quantity", description = "1 to 99 adds or changes the line; 0 removes it. At most 100 lines.")
    ResponseEntity<CartResponse> setLine(Authentication caller, @RequestHeader(name = TOKEN_HEADER, required = false) String token,
            @PathVariable UUID variantId, @Valid @RequestBody LineChange change) {
        return answer(HttpStatus.OK, carts.setLine(CartCaller.of(caller, token), variantId, change.quantity().intValueExact()));
    }

    @DeleteMapping("/lines/{variantId}")
    @Operation(summary = "Remove a line")
    ResponseEntity<CartResponse> removeLine(Authentication caller, @RequestHeader(name = TOKEN_HEADER, required = false) String token,
            @PathVariable UUID variantId) {
        return answer(HttpStatus.OK, carts.removeLine(CartCaller.of(caller, token), variantId));
    }

    @PutMapping("/shipping")
    @Operation(summary = "Choose the shipping country and option", description = "The country sets the tax rate; the option the shipping price.")
    ResponseEntity<CartResponse> ship(Authentication caller, @RequestHeader(name = TOKEN_HEADER, required = false) String token,
            @Valid @RequestBody ShippingChoice choice) {
        return answer(HttpStatus.OK, carts.ship(CartCaller.of(caller, token), choice.country(), choice.option()));
    }

    private static ResponseEntity<CartResponse> answer(HttpStatus status, CartView view) {
        return ResponseEntity.status(status).cacheControl(CacheControl.noStore()).body(CartResponse.of(view));
    }
}
