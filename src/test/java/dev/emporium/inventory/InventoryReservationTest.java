package dev.emporium.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.emporium.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
@Import(StockEvents.class)
class InventoryReservationTest {

    private static final Duration HOLD = Duration.ofMinutes(15);

    @Autowired
    Inventory inventory;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    StockEvents events;

    @Autowired
    JdbcClient jdbc;

    StockFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new StockFixtures(jdbc);
    }

    /** As checkout will: the reservation in the order's transaction. */
    private void reserve(UUID orderId, StockLine... lines) {
        transaction.executeWithoutResult(status -> inventory.reserve(orderId, List.of(lines), HOLD));
    }

    @Test
    void neverOversellsUnderConcurrentReservations() throws Exception {
        UUID variant = fixtures.variantWith(10);
        AtomicInteger reserved = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> attempts = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 500; i++) {
                attempts.add(threads.submit(() -> {
                    start.await();
                    try {
                        reserve(UUID.randomUUID(), new StockLine(variant, 1));
                        reserved.incrementAndGet();
                    } catch (OutOfStock soldOut) {
                        refused.incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> attempt : attempts) {
                attempt.get();
            }
        }

        assertThat(reserved).hasValue(10);
        assertThat(refused).hasValue(490);
        assertThat(fixtures.level(variant)).isEqualTo(new StockFixtures.Level(10, 10));
        assertThat(inventory.available(List.of(variant))).isEqualTo(Map.of(variant, 0));
        assertThat(jdbc.sql("SELECT sum(quantity) FROM stock_reservations WHERE variant_id = :id AND status = 'active'")
                .param("id", variant).query(Integer.class).single()).isEqualTo(10);
    }

    @Test
    void reservationIsAllOrNothingAndNamesEveryVariantShort() {
        UUID plenty = fixtures.variantWith(5);
        UUID scarce = fixtures.variantWith(1);
        UUID uncounted = fixtures.variant();
        UUID order = UUID.randomUUID();

        assertThatThrownBy(() -> reserve(order, new StockLine(plenty, 2), new StockLine(scarce, 2), new StockLine(uncounted, 1)))
                .isInstanceOfSatisfying(OutOfStock.class, outOfStock -> {
                    assertThat(outOfStock.variantIds()).containsExactlyInAnyOrder(scarce, uncounted);
                    assertThat(outOfStock.getStatusCode().value()).isEqualTo(409);
                    assertThat(outOfStock.getBody().getType().toString()).endsWith("/out-of-stock");
                    assertThat(outOfStock.getBody().getProperties()).containsKey("variantIds");
                });

        assertThat(fixtures.level(plenty)).isEqualTo(new StockFixtures.Level(5, 0));
        assertThat(fixtures.reservationStatuses(order)).isEmpty();
        assertThat(events.reserved(order)).isEmpty();
    }

    @Test
    void shortageLeavesTheCallersTransactionUsable() {
        UUID variant = fixtures.variantWith(3);
        UUID order = UUID.randomUUID();

        transaction.executeWithoutResult(status -> {
            assertThatThrownBy(() -> inventory.reserve(order, List.of(new StockLine(variant, 4)), HOLD))
                    .isInstanceOf(OutOfStock.class);
            inventory.reserve(order, List.of(new StockLine(variant, 3)), HOLD);
        });

        assertThat(fixtures.level(variant)).isEqualTo(new StockFixtures.Level(3, 3));
        assertThat(events.reserved(order)).containsExactly(new StockReserved(order, List.of(new StockLine(variant, 3))));
    }

    @Test
    void linesOfOneVariantAreAddedUp() {
        UUID variant = fixtures.variantWith(5);
        UUID order = UUID.randomUUID();

        reserve(order, new StockLine(variant, 2), new StockLine(variant, 3));

        assertThat(inventory.available(List.of(variant))).containsEntry(variant, 0);
        assertThatThrownBy(() -> reserve(UUID.randomUUID(), new StockLine(variant, 1))).isInstanceOf(OutOfStock.class);
    }

    @Test
    void commitTurnsReservationsIntoASaleOnce() {
        UUID variant = fixtures.variantWith(5);
        UUID order = UUID.randomUUID();
        reserve(order, new StockLine(variant, 2));

        assertThat(inventory.commit(order)).as("sold").isTrue();
        assertThat(inventory.commit(order)).as("nothing held any more").isFalse();
        inventory.release(order, "cancelled");

        assertThat(fixtures.level(variant)).isEqualTo(new StockFixtures.Level(3, 0));
        assertThat(inventory.available(List.of(variant))).containsEntry(variant, 3);
        assertThat(fixtures.reservationStatuses(order)).containsExactly("committed");
        assertThat(events.released(order)).isEmpty();
    }

    @Test
    void releaseReturnsStockOnce() {
        UUID variant = fixtures.variantWith(5);
        UUID other = fixtures.variantWith(1);
        UUID order = UUID.randomUUID();
        reserve(order, new StockLine(variant, 2), new StockLine(other, 1));
        assertThat(inventory.available(List.of(variant, other))).isEqualTo(Map.of(variant, 3, other, 0));

        inventory.release(order, "payment failed");
        inventory.release(order, "payment failed");
        inventory.commit(order);

        assertThat(fixtures.level(variant)).isEqualTo(new StockFixtures.Level(5, 0));
        assertThat(inventory.available(List.of(variant, other))).isEqualTo(Map.of(variant, 5, other, 1));
        assertThat(fixtures.reservationStatuses(order)).containsExactly("released");
        assertThat(events.released(order)).singleElement().satisfies(released -> {
            assertThat(released.reason()).isEqualTo("payment failed");
            assertThat(released.lines()).containsExactlyInAnyOrder(new StockLine(variant, 2), new StockLine(other, 1));
        });
    }

    @Test
    void variantsWithoutStockHaveNoneAvailable() {
        UUID uncounted = fixtures.variant();
        UUID unknown = UUID.randomUUID();

        assertThat(inventory.available(List.of(uncounted, unknown))).isEqualTo(Map.of(uncounted, 0, unknown, 0));
        assertThat(inventory.available(List.of())).isEmpty();
    }
}
