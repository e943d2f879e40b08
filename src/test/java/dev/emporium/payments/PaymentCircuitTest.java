package dev.emporium.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.emporium.catalog.Money;
import dev.emporium.support.IntegrationTest;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

@IntegrationTest
@TestPropertySource(properties = {
    "emporium.payments.timeout=200ms",
    "emporium.payments.circuit-breaker.window=4",
    "emporium.payments.circuit-breaker.minimum-calls=2",
    "emporium.payments.circuit-breaker.open-for=30s"
})
class PaymentCircuitTest {

    @Autowired
    Payments payments;

    @Autowired
    TestPaymentProvider provider;

    @AfterEach
    void providerRecovers() {
        provider.simulateLatency(Duration.ZERO);
    }

    @Test
    void slowProviderTimesOutThenTheCircuitOpensAndAnswersAtOnce() {
        provider.simulateLatency(Duration.ofSeconds(2));
        for (int call = 0; call < 2; call++) {
            assertThatThrownBy(() -> payments.createIntent(UUID.randomUUID(), new Money(100L, "EUR")))
                    .isInstanceOf(PaymentsUnavailable.class);
        }
        assertThat(payments.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);

        provider.simulateLatency(Duration.ZERO); // recovered, but the circuit stays open for its 30 s
        PaymentsUnavailable refused = (PaymentsUnavailable) org.assertj.core.api.Assertions.catchThrowable(
                () -> payments.createIntent(UUID.randomUUID(), new Money(100L, "EUR")));
        assertThat(refused).isNotNull();
        assertThat(refused.getStatusCode().value()).isEqualTo(503);
        assertThat(refused.getHeaders().getFirst("Retry-After")).isEqualTo("30");
    }
}
