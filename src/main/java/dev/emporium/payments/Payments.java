package dev.emporium.payments;

import dev.emporium.catalog.Money;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Payments as the rest of Emporium sees them. Every call to the provider is bounded by a timeout and passes a
 * circuit breaker: once the provider keeps failing, callers get {@link PaymentsUnavailable} at once instead of each
 * waiting out the timeout, until the circuit half-opens and a few calls test it again.
 */
@Service
public class Payments implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Payments.class);

    private final PaymentProvider provider;
    private final JdbcClient jdbc;
    private final Duration timeout;
    private final Duration openFor;
    private final CircuitBreaker circuit;
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

    Payments(PaymentProvider provider, JdbcClient jdbc, PaymentsProperties properties) {
        this.provider = provider;
        this.jdbc = jdbc;
        this.timeout = properties.timeout();
        this.openFor = properties.circuitBreaker().openFor();
        this.circuit = CircuitBreaker.of("payments-" + provider.name(), CircuitBreakerConfig.custom()
                .failureRateThreshold(properties.circuitBreaker().failureRatePercent())
                .slidingWindowSize(properties.circuitBreaker().window())
                .minimumNumberOfCalls(properties.circuitBreaker().minimumCalls())
                .waitDurationInOpenState(openFor)
                .permittedNumberOfCallsInHalfOpenState(2)
                .build());
    }

    /**
     * An intent for the order's amount, recorded as awaiting confirmation; 503 when the provider cannot be reached.
     * Called in the order's transaction, the intent is given up at the provider (in the background, best effort)
     * should that roll back, so nothing can be paid for an order that does not exist.
     */
    public PaymentIntent createIntent(UUID orderId, Money amount) {
        PaymentProvider.ProviderIntent intent = call(() -> provider.createIntent(orderId, amount));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    // A commit of unknown outcome keeps the intent: the order may exist, and a replay of its key
                    // answers with this intent.
                    if (status == STATUS_ROLLED_BACK) {
                        calls.execute(() -> giveUp(intent.intentId(), orderId));
                    }
                }
            });
        }
        jdbc.sql("""
                INSERT INTO payments (intent_id, provider, order_id, amount, currency, status)
                VALUES (:intent, :provider, :order, :amount, :currency, 'requires_confirmation')""")
                .param("intent", intent.intentId()).param("provider", provider.name()).param("order", orderId)
                .param("amount", amount.amount()).param("currency", amount.currency())
                .update();
        return new PaymentIntent(provider.name(), intent.intentId(), intent.clientSecret(), orderId, amount);
    }

    /**
     * Gives up the order's unconfirmed intents at the provider, so a cancelled order can no longer be paid. Best
     * effort: an intent the provider already took a confirmation for, or cannot be asked about now, stays open, and a
     * payment that still arrives for the cancelled order is refunded ({@code OrderRefundDue}).
     */
    public void cancelOpenIntents(UUID orderId) {
        for (String intentId : intentsOf(orderId, "requires_confirmation")) {
            boolean cancelled;
            try {
                cancelled = call(() -> provider.cancel(intentId));
            } catch (PaymentsUnavailable unavailable) {
                log.warn("Could not cancel payment intent {} of cancelled order {}; a payment that still arrives is refunded", intentId, orderId);
                continue;
            }
            if (cancelled) {
                jdbc.sql("UPDATE payments SET status = 'cancelled', updated_at = now() WHERE intent_id = :intent AND status = 'requires_confirmation'")
                        .param("intent", intentId).update();
            } else {
                log.info("Payment intent {} of cancelled order {} was confirmed first; its payment is refunded when it arrives", intentId, orderId);
            }
        }
    }

    /**
     * Gives the order's captured payment back in full, through the provider's timeout and circuit breaker; nothing
     * when nothing was captured or it was refunded already. Throws {@link PaymentsUnavailable} when the provider
     * cannot be reached, so that the caller's event is delivered again.
     */
    public void refund(UUID orderId) {
        for (String intentId : intentsOf(orderId, "succeeded")) {
            call(() -> {
                provider.refund(intentId);
                return null;
            });
            jdbc.sql("UPDATE payments SET status = 'refunded', updated_at = now() WHERE intent_id = :intent AND status = 'succeeded'")
                    .param("intent", intentId).update();
            log.info("Refunded payment {} of order {}", intentId, orderId);
        }
    }

    private void giveUp(String intentId, UUID orderId) {
        try {
            call(() -> provider.cancel(intentId));
        } catch (PaymentsUnavailable unavailable) {
            log.warn("Could not give up payment intent {} of order {}, which was not placed; the provider expires it unconfirmed", intentId, orderId);
        }
    }

    private List<String> intentsOf(UUID orderId, String status) {
        return jdbc.sql("SELECT intent_id FROM payments WHERE order_id = :order AND status = :status")
                .param("order", orderId).param("status", status).query(String.class).list();
    }

    public CircuitBreaker.State circuitState() {
        return circuit.getState();
    }

    private <T> T call(java.util.function.Supplier<T> request) {
        try {
            return circuit.executeCallable(() -> {
                CompletableFuture<T> answer = CompletableFuture.supplyAsync(request, calls);
                try {
                    return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException slow) {
                    answer.cancel(true);
                    throw slow;
                } catch (ExecutionException failed) {
                    throw failed.getCause() instanceof Exception cause ? cause : failed;
                }
            });
        } catch (CallNotPermittedException open) {
            throw new PaymentsUnavailable(openFor);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new PaymentsUnavailable(Duration.ofSeconds(1));
        } catch (Exception failed) {
            log.warn("Payment provider {} failed: {}", provider.name(), failed.toString());
            throw new PaymentsUnavailable(Duration.ofSeconds(1));
        }
    }

    @Override
    public void close() {
        calls.shutdownNow();
    }
}
