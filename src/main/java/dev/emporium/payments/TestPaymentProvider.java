package dev.emporium.payments;

import dev.emporium.catalog.Money;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The built-in provider, behaving like a remote one: intents it names, confirmation by (test) card number, and the
 * outcome reported later by a signed webhook, retried until acknowledged. Card numbers decide the outcome:
 * {@value #SUCCEEDS} succeeds, {@value #DECLINED} is declined, {@value #INSUFFICIENT_FUNDS} lacks funds. Its state
 * lives in this process, as a sandbox's does at the provider. {@link #simulateLatency} makes it slow, for
 * exercising timeouts and the circuit breaker.
 */
@Component
public class TestPaymentProvider implements PaymentProvider {

    public static final String NAME = "test";
    public static final String SUCCEEDS = "4242424242424242";
    public static final String DECLINED = "4000000000000002";
    public static final String INSUFFICIENT_FUNDS = "4000000000009995";

    private static final Logger log = LoggerFactory.getLogger(TestPaymentProvider.class);
    private static final int DELIVERY_ATTEMPTS = 5;

    private final Map<String, Intent> intents = new ConcurrentHashMap<>();
    private final Set<String> refunded = ConcurrentHashMap.newKeySet();
    private final AtomicLong intentsOpened = new AtomicLong();
    private final AtomicLong intentsCancelled = new AtomicLong();
    private final AtomicInteger callsInProgress = new AtomicInteger();
    private final SecureRandom random = new SecureRandom();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final WebhookSignature signature;
    private final JsonMapper json;
    private final PaymentsProperties.TestProvider settings;
    private volatile String callbackUrl;
    private volatile Duration latency = Duration.ZERO;
    private volatile Duration callbackDelay;

    TestPaymentProvider(WebhookSignature signature, JsonMapper json, PaymentsProperties properties) {
        this.signature = signature;
        this.json = json;
        this.settings = properties.testProvider();
        this.callbackUrl = settings.callbackUrl();
        this.callbackDelay = settings.callbackDelay();
    }

    private record Intent(String id, String clientSecret, UUID orderId, Money amount, boolean confirmed) {}

    /** Outcome of a confirmation, as the provider's API answers it. */
    public enum Confirmation { ACCEPTED, UNKNOWN_INTENT, ALREADY_CONFIRMED, UNKNOWN_CARD }

    @EventListener
    void onServerStarted(WebServerInitializedEvent started) {
        if (callbackUrl == null && started.getApplicationContext().getServerNamespace() == null) {
            callbackUrl = "http://127.0.0.1:" + started.getWebServer().getPort() + "/api/v1/payments/webhooks/" + NAME;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ProviderIntent createIntent(UUID orderId, Money amount) {
        pause();
        String id = "pi_" + token(12);
        Intent intent = new Intent(id, id + "_secret_" + token(18), orderId, amount, false);
        intents.put(id, intent);
        intentsOpened.incrementAndGet();
        return new ProviderIntent(intent.id(), intent.clientSecret());
    }

    @Override
    public boolean cancel(String intentId) {
        pause();
        Intent intent = intents.get(intentId);
        // Removed only if still unconfirmed: a confirmation racing this cancellation wins or loses as a whole.
        if (intent == null) {
            return true;
        }
        boolean cancelled = !intent.confirmed() && intents.remove(intentId, intent);
        if (cancelled) {
            intentsCancelled.incrementAndGet();
        }
        return cancelled;
    }

    /**
     * Refunds are recorded, once per intent. An intent this provider no longer knows (it keeps them in memory, and
     * Emporium may have restarted since) is refunded as well: a remote provider would still know it.
     */
    @Override
    public void refund(String intentId) {
        pause();
        refunded.add(intentId);
    }

    /** How many intents were ever opened here. */
    public long intentsOpened() {
        return intentsOpened.get();
    }

    /** How many intents were given up before any confirmation. */
    public long intentsCancelled() {
        return intentsCancelled.get();
    }

    /** Calls this provider is answering right now; counted while {@link #simulateLatency} slows it down. */
    public int callsInProgress() {
        return callsInProgress.get();
    }

    /** Whether a refund of the intent was asked for. */
    public boolean refunded(String intentId) {
        return refunded.contains(intentId);
    }

    /** The client's confirmation with a card; the outcome follows by webhook. */
    public Confirmation confirm(String intentId, String clientSecret, String card) {
        Intent intent = intents.get(intentId);
        if (intent == null || !MessageDigest.isEqual(intent.clientSecret().getBytes(StandardCharsets.UTF_8),
                clientSecret.getBytes(StandardCharsets.UTF_8))) {
            return Confirmation.UNKNOWN_INTENT;
        }
        String failure = switch (card) {
            case SUCCEEDS -> null;
            case DECLINED -> "card_declined";
            case INSUFFICIENT_FUNDS -> "insufficient_funds";
            default -> "unknown";
        };
        if ("unknown".equals(failure)) {
            return Confirmation.UNKNOWN_CARD;
        }
        if (!intents.replace(intentId, intent, new Intent(intent.id(), intent.clientSecret(), intent.orderId(), intent.amount(), true))
                || intent.confirmed()) {
            return Confirmation.ALREADY_CONFIRMED;
        }
        WebhookEvent event = new WebhookEvent("evt_" + token(12), failure == null ? WebhookEvent.SUCCEEDED : WebhookEvent.FAILED,
                intentId, intent.orderId(), intent.amount().amount(), intent.amount().currency(), failure);
        Thread.ofVirtual().name("test-provider-webhook").start(() -> deliver(event));
        return Confirmation.ACCEPTED;
    }

    /** Every call to the provider takes this long from now on (zero: answers at once). */
    public void simulateLatency(Duration latency) {
        this.latency = latency;
    }

    /** Webhooks go out this long after a confirmation from now on (a provider still processing the payment). */
    public void delayWebhooks(Duration delay) {
        this.callbackDelay = delay;
    }

    public Duration webhookDelay() {
        return callbackDelay;
    }

    /** Sends the event as a provider does: signed, retried with growing pauses until acknowledged. */
    private void deliver(WebhookEvent event) {
        String body = json.writeValueAsString(event);
        Duration pause = callbackDelay;
        for (int attempt = 1; attempt <= DELIVERY_ATTEMPTS; attempt++) {
            try {
                Thread.sleep(pause);
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(callbackUrl))
                        .timeout(Duration.ofSeconds(5))
                        .header("Content-Type", "application/json")
                        .header(WebhookSignature.HEADER, signature.sign(body))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() / 100 == 2) {
                    return;
                }
                log.warn("Webhook {} answered {} (attempt {})", event.id(), response.statusCode(), attempt);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception failed) {
                log.warn("Webhook {} not delivered (attempt {}): {}", event.id(), attempt, failed.toString());
            }
            pause = pause.multipliedBy(4);
        }
    }

    private void pause() {
        if (!latency.isZero()) {
            callsInProgress.incrementAndGet();
            try {
                Thread.sleep(latency);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            } finally {
                callsInProgress.decrementAndGet();
            }
        }
    }

    private String token(int bytes) {
        byte[] random = new byte[bytes];
        this.random.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
