package dev.emporium.inventory.stock;

import dev.emporium.inventory.StockLine;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Lines one per variant, in variant id order. Every transaction that changes several stock rows takes their row
 * locks in this order, so two of them never wait for each other in a circle (a deadlock).
 */
final class LockOrder {

    private LockOrder() {}

    static List<StockLine> of(Collection<StockLine> lines) {
        Map<UUID, Integer> byVariant = new TreeMap<>();
        lines.forEach(line -> byVariant.merge(line.variantId(), line.quantity(), Math::addExact));
        return byVariant.entrySet().stream().map(entry -> new StockLine(entry.getKey(), entry.getValue())).toList();
    }
}
