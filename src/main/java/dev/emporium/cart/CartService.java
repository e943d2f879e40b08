package dev.emporium.cart;

import dev.emporium.cart.CartStore.StoredCart;
import dev.emporium.cart.CartStore.StoredLine;
import dev.emporium.catalog.PurchasableVariant;
import dev.emporium.catalog.VariantLookup;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cart rules: who reaches which cart, what a line may hold, and the merge of a guest cart into the customer's
 * cart when a request carries both. Each request is one transaction; every change renews the cart's expiry.
 */
@Service
class CartService implements Carts {

    static final int MAX_LINES = 100;
    static final int MAX_QUANTITY = 99;

    private final CartStore store;
    private final CartPricing pricing;
    private final VariantLookup variants;
    private final CartProperties properties;
    private final Clock clock;

    CartService(CartStore store, CartPricing pricing, VariantLookup variants, CartProperties properties, Clock clock) {
        this.store = store;
        this.pricing = pricing;
        this.variants = variants;
        this.properties = properties;
        this.clock = clock;
    }

    /** What a cart request answers: the cart priced now, when it expires, the token of a guest cart just made, and what a merge did. */
    record CartView(CartSnapshot cart, Instant expiresAt, String token, Merged merged) {}

    /** A guest cart merged into a customer's: the lines it brought, and those left out because the cart was full. */
    record Merged(int lines, int linesLeftOut) {}

    private record Opened(StoredCart cart, Merged merged) {}

    private enum Access { READ, WRITE, WRITE_OR_CREATE }

    /** A new guest cart with its token, or the signed-in customer's cart (made if they have none). */
    @Transactional
    public CartView start(CartCaller caller) {
        Instant now = clock.instant();
        if (caller.isCustomer()) {
            return written(open(caller, now, Access.WRITE_OR_CREATE));
        }
        String token = CartTokens.issue();
        StoredCart cart = store.createGuest(CartTokens.hashOf(token).orElseThrow(), now, now.plus(properties.guestTtl()));
        return new CartView(pricing.price(cart, List.of()), cart.expiresAt(), token, null);
    }

    @Transactional
    public CartView view(CartCaller caller) {
        Instant now = clock.instant();
        Opened opened = open(caller, now, Access.READ);
        if (opened.merged() != null) {
            return written(opened);
        }
        StoredCart cart = opened.cart();
        Duration ttl = properties.ttlOf(cart.customerId() != null);
        Instant renewed = now.plus(ttl);
        // Reading is activity too, but a cart read again and again is written at most once per hundredth of its lifetime.
        Instant expiresAt = store.extend(cart.id(), renewed, renewed.minus(ttl.dividedBy(100))) ? renewed : cart.expiresAt();
        return new CartView(pricing.price(cart, store.lines(cart.id())), expiresAt, null, null);
    }

    /** Sets a line's quantity (1 to 99), adding the line if need be; 0 removes a line the cart has. */
    @Transactional
    public CartView setLine(CartCaller caller, UUID variantId, int quantity) {
        Instant now = clock.instant();
        Opened opened = open(caller, now, Access.WRITE_OR_CREATE);
        UUID cartId = opened.cart().id();
        if (quantity == 0) {
            // The cart is locked: its lines read here are its lines until the change below.
            List<StoredLine> lines = store.lines(cartId);
            List<StoredLine> others = lines.stream().filter(line -> !line.variantId().equals(variantId)).toList();
            if (others.size() == lines.size()) {
                throw CartProblems.nothingToRemove();
            }
            store.removeLine(cartId, variantId);
            return written(opened, others, Map.of());
        }
        PurchasableVariant variant = variants.find(List.of(variantId)).get(variantId);
        if (variant == null) {
            throw CartProblems.unknownVariant();
        }
        if (!pricing.isPurchasable(variant)) {
            throw CartProblems.notPurchasable();
        }
        List<StoredLine> after = store.setLine(cartId, new StoredLine(variantId, quantity, variant.sku(), variant.title()), now, MAX_LINES)
                .orElseThrow(() -> CartProblems.cartFull(MAX_LINES));
        return written(opened, after, Map.of(variantId, variant));
    }

    /** Removes the variant's line; removing a line the cart does not have changes nothing. */
    @Transactional
    public CartView removeLine(CartCaller caller, UUID variantId) {
        Instant now = clock.instant();
        Opened opened = open(caller, now, Access.WRITE);
        store.removeLine(opened.cart().id(), variantId);
        return written(opened);
    }

    @Transactional
    public CartView ship(CartCaller caller, String country, String option) {
        if (!properties.taxRates().containsKey(country)) {
            throw CartProblems.unsupportedCountry(properties.taxRates().keySet());
        }
        if (!properties.shippingOptions().containsKey(option)) {
            throw CartProblems.unknownShippingOption(properties.shippingOptions().keySet());
        }
        Instant now = clock.instant();
        Opened opened = open(caller, now, Access.WRITE_OR_CREATE);
        StoredCart shipped = store.ship(opened.cart().id(), country, option);
        return written(new Opened(shipped, opened.merged()));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<CartSnapshot> checkOut(UUID customerId) {
        return store.takeLines(customerId, clock.instant()).map(taken -> pricing.price(taken.cart(), taken.lines()));
    }

    /**
     * The caller's cart: a customer's own (after merging the guest cart whose token came along), or the guest cart
     * of the token. Anything else, including an expired cart, is no cart at all. A cart opened to be written is
     * renewed (and so locked) here: a change is activity.
     */
    private Opened open(CartCaller caller, Instant now, Access access) {
        if (caller.isCustomer()) {
            Optional<Opened> merged = caller.guestToken() == null ? Optional.empty() : mergeGuest(caller, now);
            if (merged.isPresent()) {
                return merged.get();
            }
            Instant expiresAt = now.plus(properties.customerTtl());
            StoredCart cart = switch (access) {
                case WRITE_OR_CREATE -> store.renewOrCreateForCustomer(caller.customerId(), now, expiresAt);
                case WRITE -> store.renewForCustomer(caller.customerId(), now, expiresAt).orElseThrow(CartProblems::noCart);
                case READ -> store.ofCustomer(caller.customerId(), now, false).orElseThrow(CartProblems::noCart);
            };
            return new Opened(cart, null);
        }
        byte[] tokenHash = CartTokens.hashOf(caller.guestToken()).orElseThrow(CartProblems::noCart);
        Optional<StoredCart> cart = access == Access.READ ? store.byToken(tokenHash, now, false)
                : store.renewByToken(tokenHash, now, now.plus(properties.guestTtl()));
        return new Opened(cart.orElseThrow(CartProblems::noCart), null);
    }

    /**
     * Moves the guest cart's lines into the customer's cart and deletes the guest cart. Quantities of a variant in
     * both add up (at most 99); new lines go in while there is room. The guest cart is locked before the customer's,
     * always in that order, so concurrent merges queue instead of deadlocking; a token already merged finds nothing.
     */
    private Optional<Opened> mergeGuest(CartCaller caller, Instant now) {
        Optional<StoredCart> guest = CartTokens.hashOf(caller.guestToken()).flatMap(hash -> store.byToken(hash, now, true));
        if (guest.isEmpty()) {
            return Optional.empty();
        }
        StoredCart target = store.renewOrCreateForCustomer(caller.customerId(), now, now.plus(properties.customerTtl()));
        Map<UUID, StoredLine> ours = store.lines(target.id()).stream()
                .collect(Collectors.toMap(StoredLine::variantId, Function.identity()));
        int room = MAX_LINES - ours.size();
        int taken = 0;
        int leftOut = 0;
        for (StoredLine line : store.lines(guest.get().id())) {
            StoredLine existing = ours.get(line.variantId());
            if (existing != null) {
                int quantity = Math.min(MAX_QUANTITY, existing.quantity() + line.quantity());
                store.setLine(target.id(), new StoredLine(line.variantId(), quantity, line.sku(), line.title()), now, MAX_LINES);
                taken++;
            } else if (room > 0) {
                store.setLine(target.id(), line, now, MAX_LINES);
                room--;
                taken++;
            } else {
                leftOut++;
            }
        }
        if (target.country() == null && guest.get().country() != null) {
            target = store.ship(target.id(), guest.get().country(), guest.get().shippingOption());
        }
        store.delete(guest.get().id());
        return Optional.of(new Opened(target, new Merged(taken, leftOut)));
    }

    /** After a change to the cart opened (renewed) for it: prices what it holds now. */
    private CartView written(Opened opened) {
        return written(opened, store.lines(opened.cart().id()), Map.of());
    }

    /** After a change whose resulting lines are known, some of them with the variant just looked up. */
    private CartView written(Opened opened, List<StoredLine> lines, Map<UUID, PurchasableVariant> lookedUp) {
        return new CartView(pricing.price(opened.cart(), lines, lookedUp), opened.cart().expiresAt(), null, opened.merged());
    }
}
