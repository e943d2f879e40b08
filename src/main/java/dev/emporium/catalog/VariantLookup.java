package dev.emporium.catalog;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** The catalog's answer to other modules about variants: current prices and availability, in one statement. */
public interface VariantLookup {

    /** The variants that exist among {@code variantIds}, by id; unknown ids are absent. */
    Map<UUID, PurchasableVariant> find(Collection<UUID> variantIds);
}
