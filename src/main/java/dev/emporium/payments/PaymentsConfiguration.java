package dev.emporium.payments;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PaymentsConfiguration {

    @Bean
    WebhookSignature webhookSignature(PaymentsProperties properties, Clock clock) {
        byte[] secret;
        if (properties.webhookSecret() == null || properties.webhookSecret().isBlank()) {
            secret = new byte[32];
            new SecureRandom().nextBytes(secret);
        } else {
            secret = properties.webhookSecret().getBytes(StandardCharsets.UTF_8);
        }
        return new WebhookSignature(secret, properties.signatureTolerance(), clock);
    }
}
