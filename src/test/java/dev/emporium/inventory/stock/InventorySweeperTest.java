package dev.emporium.inventory.stock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emporium.inventory.Inventory;
import dev.emporium.inventory.StockEvents;
import dev.emporium.inventory.StockFixtures;
import dev.emporium.inventory.StockLine;
import dev.emporium.inventory.StockReleased;
import dev.emporium.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
@Import(StockEvents.class)
class InventorySweeperTest {

    @Autowired
    Inventory inventory;

    @Autowired
    ReservationSweeper sweeper;

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

    private void reserve(UUID orderId, UUID variant, int quantity, Duration hold) {
        transaction.executeWithoutResult(status -> inventory.reserve(orderId, List.of(new StockLine(variant, quantity)), hold));
    }

    /** Waits until the database's clock has passed every expiry written so far (holds of a millisecond). */
    private void letExpire() throws InterruptedException {
        Thread.sleep(5);
    }

    @Test
    void anOrderPartlyReleasedByASweepIsNotSoldAtAll() throws InterruptedException {
        UUID expired = fixtures.variantWith(2);
        UUID stillHeld = fixtures.variantWith(2);
        UUID order = UUID.randomUUID();
        transaction.executeWithoutResult(status -> inventory.reserve(order,
                List.of(new StockLine(expired, 1), new StockLine(stillHeld, 1)), Duration.ofMinutes(15)));
        // A sweep that settled one of the order's rows, as one does at a batch boundary or a row locked first.
        jdbc.sql("UPDATE stock_reservations SET expires_at = now() - interval '1 second' WHERE order_id = :order AND variant_id = :variant")
                .param("order", order).param("variant", expired).update();
        sweeper.sweep();
        assertThat(fixtures.reservationStatuses(order)).containsExactly("active", "released");

        boolean sold = transaction.execute(status -> inventory.commit(order));

        assertThat(sold).as("a payment for a partly released order sells nothing").isFalse();
        assertThat(fixtures.reservationStatuses(order)).containsExactly("released");
        assertThat(fixtures.level(expired)).isEqualTo(new StockFixtures.Level(2, 0));
        assertThat(fixtures.level(stillHeld)).as("back on sale, not sold").isEqualTo(new StockFixtures.Level(2, 0));
    }

    @Test
    void expiredReservationReleasesStock() throws InterruptedException {
        UUID variant = fixtures.variantWith(3);
        UUID expiring = UUID.randomUUID();
        UUID held = UUID.randomUUID();
        reserve(expiring, variant, 2, Duration.ofMillis(1));
        reserve(held, variant, 1, Duration.ofMinutes(15));
        assertThat(inventory.available(List.of(variant))).isEqualTo(Map.of(variant, 0));
        letExpire();

        sweeper.sweep();

        assertThat(inventory.available(List.of(variant))).isEqualTo(Map.of(variant, 2));
        assertThat(fixtures.reservationStatuses(expiring)).containsExactly("released");
        assertThat(fixtures.reservationStatuses(held)).containsExactly("active");
        assertThat(events.released(expiring))
                .containsExactly(new StockReleased(expiring, List.of(new StockLine(variant, 2)), StockReleased.EXPIRED));
        assertThat(events.released(held)).isEmpty();

        inventory.commit(expiring);
        assertThat(fixtures.level(variant)).isEqualTo(new StockFixtures.Level(3, 1));
    }

    @Test
    void twoSweepersAtOnceReleaseEachReservationOnce() throws Exception {
        // More expired reservations than one batch holds, so the two sweeps can interleave batch by batch.
        int orders = 1_200;
        UUID variant = fixtures.variantWith(orders);
        List<UUID> orderIds = jdbc.sql("""
                INSERT INTO stock_reservations (order_id, variant_id, quantity, expires_at)
                SELECT gen_random_uuid(), :variant, 1, now() - interval '1 minute' FROM generate_series(1, :orders)
                RETURNING order_id""")
                .param("variant", variant).param("orders", orders).query(UUID.class).list();
        jdbc.sql("UPDATE stock SET reserved = :orders WHERE variant_id = :variant")
                .param("variant", variant).param("orders", orders).update();

        CountDownLatch start = new CountDownLatch(1);
        int released = 0;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> sweeps = List.of(1, 2).stream().map(sweep -> threads.submit(() -> {
                start.await();
                return sweeper.sweep();
            })).toList();
            start.countDown();
            for (Future<Integer> sweep : sweeps) {
                released += sweep.get();
            }
        }

        assertThat(released).isGreaterThanOrEqualTo(orders);
        assertThat(fixtures.level(variant)).isEqualTo(new StockFixtures.Level(orders, 0));
        assertThat(orderIds).allSatisfy(order -> {
            assertThat(fixtures.reservationStatuses(order)).containsExactly("released");
            assertThat(events.released(order)).hasSize(1);
        });
    }

    @Test
    void sweepSkipsItsTurnWhileAnotherInstanceSweeps() throws Exception {
        UUID variant = fixtures.variantWith(1);
        UUID order = UUID.randomUUID();
        reserve(order, variant, 1, Duration.ofMillis(1));
        letExpire();

        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        CompletableFuture<Boolean> otherInstance = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> otherInstance.complete(transaction.execute(status -> {
            boolean mine = jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtextextended('emporium.inventory.sweeper', 0))")
                    .query(Boolean.class).single();
            locked.countDown();
            try {
                done.await();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            return mine;
        })));
        locked.await();

        assertThat(sweeper.sweep()).isZero();
        assertThat(fixtures.reservationStatuses(order)).containsExactly("active");

        done.countDown();
        assertThat(otherInstance.get()).isTrue();
        sweeper.sweep();
        assertThat(fixtures.reservationStatuses(order)).containsExactly("released");
        assertThat(inventory.available(List.of(variant))).isEqualTo(Map.of(variant, 1));
    }
}
