package dev.emporium.catalog.storefront;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The orders a listing can be walked in; each is a keyset: a sort key and the id as tie-breaker. */
public enum Sort {
    NEWEST, PRICE_ASC, PRICE_DESC, RELEVANCE;

    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Sort> ofParameter(String value) {
        return Arrays.stream(values()).filter(sort -> sort.parameter().equals(value)).findFirst();
    }
}
