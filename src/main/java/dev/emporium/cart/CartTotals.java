package dev.emporium.cart;

import dev.emporium.catalog.Money;

/**
 * Prices are tax-exclusive: {@code tax} is the subtotal times the shipping country's rate, rounded half-up to the
 * minor unit; {@code shipping} is the chosen option's flat price. Without a country, tax and shipping are zero.
 */
public record CartTotals(Money subtotal, Money tax, Money shipping, Money grandTotal) {}
