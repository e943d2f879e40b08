package dev.emporium.catalog;

import java.util.Locale;

/** Only published products reach the storefront; archived ones stay for the orders that reference them. */
public enum ProductStatus {
    DRAFT, PUBLISHED, ARCHIVED;

    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ProductStatus ofColumn(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
