package dev.emporium.cart;

import static dev.emporium.cart.CartRequests.archive;
import static dev.emporium.cart.CartRequests.guest;
import static dev.emporium.cart.CartRequests.line;
import static dev.emporium.cart.CartRequests.reprice;
import static dev.emporium.cart.CartRequests.total;
import static dev.emporium.cart.CartRequests.variantOf;
import static dev.emporium.support.TestHttp.get;
import static dev.emporium.support.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.emporium.support.Accounts;
import dev.emporium.support.Accounts.SignedIn;
import dev.emporium.support.Catalog;
import dev.emporium.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class CartTest {

    @LocalServerPort
    int port;

    Catalog catalog;
    Accounts accounts;
    CartRequests carts;

    @BeforeEach
    void setUp() {
        String base = "http://127.0.0.1:" + port;
        accounts = new Accounts(base);
        catalog = Catalog.as(base, accounts.admin());
        carts = new CartRequests(base);
    }

    private JsonNode product(long price) {
        return catalog.published(Catalog.unique(), "Cart item", "Acme", null, price);
    }

    @Test
    void guestCartIsPricedFromCurrentPricesOnEveryRead() {
        JsonNode kettle = product(1000);
        JsonNode mug = product(250);
        HttpResponse<String> created = carts.start();
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        String token = json(created).path("token").asString();
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(json(created).path("lines").isEmpty()).isTrue();
        assertThat(total(json(created), "grandTotal")).isZero();

        carts.set(variantOf(kettle), 2, guest(token));
        JsonNode cart = carts.set(variantOf(mug), 3, guest(token));
        assertThat(total(cart, "subtotal")).isEqualTo(2750);
        cart = carts.set(variantOf(kettle), 1, guest(token));
        assertThat(line(cart, variantOf(kettle)).path("quantity").asInt()).isEqualTo(1);
        assertThat(line(cart, variantOf(mug)).path("lineTotal").path("amount").asLong()).isEqualTo(750);
        assertThat(total(cart, "subtotal")).isEqualTo(1750);
        assertThat(cart.path("totals").path("grandTotal").path("currency").asString()).isEqualTo("EUR");

        HttpResponse<String> shipped = carts.ship("DE", "standard", guest(token));
        assertThat(shipped.statusCode()).as(shipped.body()).isEqualTo(200);
        cart = json(shipped);
        assertThat(cart.path("country").asString()).isEqualTo("DE");
        assertThat(total(cart, "tax")).isEqualTo(333); // 1750 x 19 % = 332.5, half-up
        assertThat(total(cart, "shipping")).isEqualTo(499);
        assertThat(total(cart, "grandTotal")).isEqualTo(1750 + 333 + 499);

        reprice(catalog, kettle, 1234);
        cart = json(carts.view(guest(token)));
        assertThat(line(cart, variantOf(kettle)).path("unitPrice").path("amount").asLong()).isEqualTo(1234);
        assertThat(total(cart, "subtotal")).isEqualTo(1984);
        assertThat(total(cart, "tax")).isEqualTo(377); // 376.96
        assertThat(total(cart, "grandTotal")).isEqualTo(1984 + 377 + 499);

        HttpResponse<String> removed = carts.remove(variantOf(mug), guest(token));
        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(line(json(removed), variantOf(mug)).isMissingNode()).isTrue();
        assertThat(total(json(removed), "grandTotal")).isEqualTo(1234 + 234 + 499); // tax 234.46

        cart = carts.set(variantOf(kettle), 0, guest(token));
        assertThat(cart.path("lines").isEmpty()).isTrue();
        assertThat(total(cart, "shipping")).as("nothing to ship").isZero();
        assertThat(total(cart, "grandTotal")).isZero();
    }

    @Test
    void lineOfAnUnpublishedProductIsFlaggedAndLeftOutOfTotals() {
        JsonNode kept = product(500);
        JsonNode withdrawn = product(900);
        String token = carts.startGuest();
        carts.set(variantOf(kept), 1, guest(token));
        carts.set(variantOf(withdrawn), 2, guest(token));

        archive(catalog, withdrawn);
        JsonNode cart = json(carts.view(guest(token)));
        assertThat(line(cart, variantOf(withdrawn)).path("purchasable").asBoolean()).isFalse();
        assertThat(line(cart, variantOf(withdrawn)).path("quantity").asInt()).isEqualTo(2);
        assertThat(line(cart, variantOf(kept)).path("purchasable").asBoolean()).isTrue();
        assertThat(total(cart, "subtotal")).isEqualTo(500);

        assertProblem(carts.setLine(variantOf(withdrawn), "{\"quantity\":3}", guest(token)), 422, "variant-not-purchasable");
        assertThat(carts.remove(variantOf(withdrawn), guest(token)).statusCode()).isEqualTo(200);
    }

    @Test
    void unknownOrUnpublishedVariantIsUnprocessable() {
        JsonNode draft = catalog.draft(Catalog.unique(), "Not yet", "Acme", null, 100, "{}", "A draft.");
        String token = carts.startGuest();
        assertProblem(carts.setLine(variantOf(draft), "{\"quantity\":1}", guest(token)), 422, "variant-not-purchasable");
        assertProblem(carts.setLine(UUID.randomUUID().toString(), "{\"quantity\":1}", guest(token)), 422, "unknown-variant");
        assertThat(json(carts.view(guest(token))).path("lines").isEmpty()).isTrue();
    }

    @Test
    void badQuantitiesAreBadRequests() {
        String variant = variantOf(product(100));
        String token = carts.startGuest();
        for (String body : new String[] {"{\"quantity\":-1}", "{\"quantity\":0}", "{\"quantity\":100}", "{\"quantity\":1000}",
                "{\"quantity\":\"abc\"}", "{\"quantity\":1.5}", "{\"quantity\":99999999999}", "{}", "{\"quantity\":null}", "[1]", "not json"}) {
            HttpResponse<String> refused = carts.setLine(variant, body, guest(token));
            assertThat(refused.statusCode()).as(body).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).as(body).hasValue("application/problem+json");
        }
        assertThat(carts.setLine("not-a-uuid", "{\"quantity\":1}", guest(token)).statusCode()).isEqualTo(400);
        carts.set(variant, 99, guest(token));
        assertThat(json(carts.view(guest(token))).path("lines").get(0).path("quantity").asInt()).isEqualTo(99);
    }

    @Test
    void aCartHoldsAtMostAHundredLinesYetItsLinesStillChange() {
        String token = carts.startGuest();
        String first = variantOf(product(100));
        carts.set(first, 1, guest(token));
        for (int i = 1; i < CartService.MAX_LINES; i++) {
            carts.set(variantOf(product(100 + i)), 1, guest(token));
        }

        assertProblem(carts.setLine(variantOf(product(500)), "{\"quantity\":1}", guest(token)), 422, "cart-full");
        JsonNode cart = carts.set(first, 5, guest(token));
        assertThat(cart.path("lines")).hasSize(CartService.MAX_LINES);
        assertThat(line(cart, first).path("quantity").asInt()).isEqualTo(5);
    }

    @Test
    void shippingNeedsAServedCountryAndAKnownOption() {
        String token = carts.startGuest();
        assertProblem(carts.ship("US", "standard", guest(token)), 422, "unsupported-country");
        assertProblem(carts.ship("DE", "teleport", guest(token)), 422, "unknown-shipping-option");
        assertProblem(carts.ship("de", "standard", guest(token)), 400, "validation-failed");
        HttpResponse<String> options = get(carts.baseUrl() + "/api/v1/cart/shipping-options");
        assertThat(options.statusCode()).isEqualTo(200);
        assertThat(json(options).path("countries").valueStream().map(JsonNode::asString)).contains("DE", "FR");
        assertThat(json(options).path("options").get(0).path("option").asString()).isEqualTo("standard");
        assertThat(json(options).path("options").get(0).path("price").path("amount").asLong()).isEqualTo(499);
    }

    @Test
    void customerCannotSeeOthersCart() {
        String variant = variantOf(product(700));
        SignedIn alice = accounts.newCustomer();
        SignedIn bob = accounts.newCustomer();
        JsonNode alicesCart = carts.set(variant, 4, alice.bearer());
        assertThat(alicesCart.path("token").isMissingNode()).as("customer carts have no token").isTrue();

        assertProblem(carts.view(bob.bearer()), 404, "not-found");
        assertProblem(carts.remove(variant, bob.bearer()), 404, "not-found");
        JsonNode bobsCart = carts.set(variant, 1, bob.bearer());
        assertThat(bobsCart.path("cartId").asString()).isNotEqualTo(alicesCart.path("cartId").asString());
        assertThat(line(json(carts.view(alice.bearer())), variant).path("quantity").asInt()).isEqualTo(4);

        String guestToken = carts.startGuest();
        carts.set(variant, 2, guest(guestToken));
        String guessed = guestToken.substring(0, 42) + (guestToken.charAt(42) == 'A' ? 'B' : 'A');
        for (String wrong : new String[] {guessed, CartTokens.issue(), "short", "", "x".repeat(5000)}) {
            assertProblem(carts.view(guest(wrong)), 404, "not-found");
            assertProblem(carts.setLine(variant, "{\"quantity\":1}", guest(wrong)), 404, "not-found");
        }
        assertProblem(carts.view(), 404, "not-found");
        assertThat(line(json(carts.view(guest(guestToken))), variant).path("quantity").asInt()).isEqualTo(2);
    }

    static void assertProblem(HttpResponse<String> response, int status, String kind) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).path("type").asString()).isEqualTo("https://emporium.dev/problems/" + kind);
    }
}
