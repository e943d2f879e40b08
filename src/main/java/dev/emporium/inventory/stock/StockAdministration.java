package dev.emporium.inventory.stock;

import dev.emporium.catalog.PurchasableVariant;
import dev.emporium.catalog.VariantLookup;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff's view of a variant's stock and their corrections of it, each recorded with who made it and why. */
@Service
class StockAdministration {

    private static final int RECENT_ADJUSTMENTS = 20;

    private final StockLevels stock;
    private final VariantLookup variants;

    StockAdministration(StockLevels stock, VariantLookup variants) {
        this.stock = stock;
        this.variants = variants;
    }

    @Transactional(readOnly = true)
    StockView get(UUID variantId) {
        return view(variant(variantId));
    }

    /** Changes on hand by the input's delta, unless that would leave it below what is reserved. */
    @Transactional
    StockView adjust(UUID variantId, AdjustmentInput input, String actor) {
        PurchasableVariant variant = variant(variantId);
        try {
            stock.open(variantId);
        } catch (DataIntegrityViolationException deletedMeanwhile) {
            throw InventoryProblems.unknownVariant();
        }
        int onHand = stock.adjust(variantId, input.delta()).orElseThrow(() -> refusal(variantId, input.delta()));
        stock.recordAdjustment(variantId, input.delta(), onHand, input.reason(), actor);
        return view(variant);
    }

    private RuntimeException refusal(UUID variantId, int delta) {
        StockLevels.Level level = stock.find(variantId).orElseThrow();
        return delta < 0
                ? InventoryProblems.insufficientStock(level.onHand(), level.reserved(), delta)
                : InventoryProblems.stockLimit(level.onHand(), delta);
    }

    private PurchasableVariant variant(UUID variantId) {
        PurchasableVariant variant = variants.find(Set.of(variantId)).get(variantId);
        if (variant == null) {
            throw InventoryProblems.unknownVariant();
        }
        return variant;
    }

    /** A variant nobody has counted yet has no stock row: nothing on hand. */
    private StockView view(PurchasableVariant variant) {
        UUID id = variant.variantId();
        return stock.find(id)
                .map(level -> new StockView(id, variant.sku(), level.onHand(), level.reserved(),
                        level.onHand() - level.reserved(), level.version(), level.updatedAt(),
                        stock.recentAdjustments(id, RECENT_ADJUSTMENTS)))
                .orElseGet(() -> new StockView(id, variant.sku(), 0, 0, 0, 0, null, List.of()));
    }
}
