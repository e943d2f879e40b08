package dev.emporium.cart;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Deletes expired carts every {@code emporium.cart.sweep-interval}, a batch at a time so no statement holds many
 * locks for long. Readers never see an expired cart anyway, so a late or missed sweep costs only disk; any number
 * of instances may sweep at once, each skipping the rows another has locked.
 */
@Component
class CartSweeper implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(CartSweeper.class);

    private final CartStore store;
    private final CartProperties properties;
    private final Clock clock;

    CartSweeper(CartStore store, CartProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::sweep, properties.sweepInterval());
    }

    /** Deletes every cart expired by now, and says how many. */
    int sweep() {
        int total = 0;
        int deleted;
        do {
            deleted = store.sweep(clock.instant(), properties.sweepBatchSize());
            total += deleted;
        } while (deleted == properties.sweepBatchSize());
        if (total > 0) {
            log.info("Deleted {} expired carts", total);
        }
        return total;
    }
}
