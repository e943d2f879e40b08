package dev.emporium.inventory.stock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emporium.inventory.Inventory;
import dev.emporium.inventory.StockFixtures;
import dev.emporium.inventory.StockLine;
import dev.emporium.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** The sweeper on its schedule, as every instance runs it; closed afterwards so it sweeps under no other test. */
@IntegrationTest
@TestPropertySource(properties = {"emporium.inventory.sweep-enabled=true", "emporium.inventory.sweep-interval=100ms"})
@DirtiesContext
class InventoryScheduledSweepTest {

    @Autowired
    Inventory inventory;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Test
    void expiredReservationsAreReleasedWithoutBeingAsked() throws InterruptedException {
        StockFixtures fixtures = new StockFixtures(jdbc);
        UUID variant = fixtures.variantWith(2);
        UUID order = UUID.randomUUID();
        transaction.executeWithoutResult(status ->
                inventory.reserve(order, List.of(new StockLine(variant, 2)), Duration.ofMillis(1)));

        // Generous: the schedule's promptness is not what is tested, only that it runs.
        for (int wait = 0; wait < 300 && !fixtures.reservationStatuses(order).contains("released"); wait++) {
            Thread.sleep(100);
        }

        assertThat(fixtures.reservationStatuses(order)).containsExactly("released");
        assertThat(fixtures.level(variant)).isEqualTo(new StockFixtures.Level(2, 0));
    }
}
