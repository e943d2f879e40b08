package dev.emporium.cart;

import dev.emporium.cart.CartStore.StoredCart;
import dev.emporium.cart.CartStore.StoredLine;
import dev.emporium.catalog.CatalogProperties;
import dev.emporium.catalog.Money;
import dev.emporium.catalog.PurchasableVariant;
import dev.emporium.catalog.VariantLookup;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Prices a cart from the catalog's current prices, on every read: a cart never remembers a price, so a price change
 * shows at once and checkout charges what the customer saw last. Prices are tax-exclusive; tax is the subtotal times
 * the country's rate, rounded half-up once for the whole cart rather than per line.
 */
@Component
class CartPricing {

    private static final BigDecimal BASIS_POINTS = BigDecimal.valueOf(10_000);

    private final VariantLookup variants;
    private final CartProperties properties;
    private final String currency;

    CartPricing(VariantLookup variants, CartProperties properties, CatalogProperties catalog) {
        this.variants = variants;
        this.properties = properties;
        this.currency = catalog.currency();
    }

    CartSnapshot price(StoredCart cart, List<StoredLine> stored) {
        return price(cart, stored, Map.of());
    }

    /** Prices the lines at current prices; {@code lookedUp} holds variants read in this transaction already. */
    CartSnapshot price(StoredCart cart, List<StoredLine> stored, Map<UUID, PurchasableVariant> lookedUp) {
        List<UUID> missing = stored.stream().map(StoredLine::variantId).filter(id -> !lookedUp.containsKey(id)).toList();
        Map<UUID, PurchasableVariant> current = new HashMap<>(lookedUp);
        if (!missing.isEmpty()) {
            current.putAll(variants.find(missing));
        }
        List<CartLine> lines = new ArrayList<>(stored.size());
        long subtotal = 0;
        boolean anyPurchasable = false;
        for (StoredLine line : stored) {
            PurchasableVariant variant = current.get(line.variantId());
            if (variant == null) {
                lines.add(new CartLine(line.variantId(), line.sku(), line.title(), line.quantity(), null, null, false));
                continue;
            }
            long lineTotal = Math.multiplyExact(variant.price().amount(), (long) line.quantity());
            boolean purchasable = isPurchasable(variant);
            lines.add(new CartLine(variant.variantId(), variant.sku(), variant.title(), line.quantity(), variant.price(),
                    new Money(lineTotal, variant.price().currency()), purchasable));
            if (purchasable) {
                anyPurchasable = true;
                subtotal = Math.addExact(subtotal, lineTotal);
            }
        }
        // A country or option that configuration no longer offers counts as not chosen: checkout asks again.
        Integer rate = cart.country() == null ? null : properties.taxRates().get(cart.country());
        String country = rate == null ? null : cart.country();
        CartProperties.ShippingOption option = country == null || cart.shippingOption() == null ? null
                : properties.shippingOptions().get(cart.shippingOption());
        long tax = rate == null ? 0 : BigDecimal.valueOf(subtotal).multiply(BigDecimal.valueOf(rate))
                .divide(BASIS_POINTS, 0, RoundingMode.HALF_UP).longValueExact();
        long shipping = option == null || !anyPurchasable ? 0 : option.price();
        CartTotals totals = new CartTotals(money(subtotal), money(tax), money(shipping),
                money(Math.addExact(Math.addExact(subtotal, tax), shipping)));
        return new CartSnapshot(cart.id(), cart.customerId(), List.copyOf(lines), country, option == null ? null : cart.shippingOption(), totals);
    }

    /** Whether a variant can go into a cart: its product is published and it is priced in the shop's currency. */
    boolean isPurchasable(PurchasableVariant variant) {
        return variant.purchasable() && currency.equals(variant.price().currency());
    }

    private Money money(long amount) {
        return new Money(amount, currency);
    }
}
