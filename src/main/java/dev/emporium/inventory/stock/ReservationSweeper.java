package dev.emporium.inventory.stock;

import dev.emporium.inventory.InventoryProperties;
import dev.emporium.inventory.StockLine;
import dev.emporium.inventory.StockReleased;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives expired reservations back to stock. Every instance schedules it; a PostgreSQL advisory lock, held for
 * one batch's transaction, lets one sweep at a time and makes the others skip their turn instead of waiting.
 */
@Component
class ReservationSweeper {

    private static final Logger log = LoggerFactory.getLogger(ReservationSweeper.class);

    private final Reservations reservations;
    private final StockLevels stock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final InventoryProperties properties;

    ReservationSweeper(Reservations reservations, StockLevels stock, ApplicationEventPublisher events,
            PlatformTransactionManager transactions, InventoryProperties properties) {
        this.reservations = reservations;
        this.stock = stock;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${emporium.inventory.sweep-interval:30s}")
    void sweepOnSchedule() {
        if (properties.sweepEnabled()) {
            sweep();
        }
    }

    /** Releases every reservation expired by now, batch by batch; the number released by this call. */
    int sweep() {
        int released = 0;
        int batch;
        do {
            batch = transaction.execute(status -> sweepBatch());
            released += batch;
        } while (batch == properties.sweepBatchSize());
        if (released > 0) {
            log.atInfo().addKeyValue("released", released).log("Released {} expired stock reservations", released);
        }
        return released;
    }

    /** One batch in one transaction: nothing when another sweep holds the lock. */
    private int sweepBatch() {
        if (!reservations.lockSweeper()) {
            return 0;
        }
        List<Reservations.Released> expired = reservations.releaseExpired(properties.sweepBatchSize());
        stock.unreserve(expired.stream().map(Reservations.Released::line).toList());
        Map<UUID, List<StockLine>> byOrder = expired.stream().collect(Collectors.groupingBy(Reservations.Released::orderId,
                LinkedHashMap::new, Collectors.mapping(Reservations.Released::line, Collectors.toList())));
        byOrder.forEach((orderId, lines) -> events.publishEvent(new StockReleased(orderId, lines, StockReleased.EXPIRED)));
        return expired.size();
    }
}
