package dev.emporium.platform.observability;

import dev.emporium.platform.EmporiumProperties;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;

/**
 * First step of a graceful shutdown: readiness reports DOWN, and for the drain delay the server keeps serving so a
 * load balancer notices and stops sending traffic. Then the web server stops accepting and lets in-flight requests
 * finish, within {@code emporium.shutdown.timeout}.
 */
@Component
class ReadinessDrain implements ApplicationListener<ContextClosedEvent> {

    private static final Logger log = LoggerFactory.getLogger(ReadinessDrain.class);

    private final ApplicationContext context;
    private final Duration drainDelay;

    ReadinessDrain(ApplicationContext context, EmporiumProperties properties) {
        this.context = context;
        this.drainDelay = properties.shutdown().drainDelay();
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        if (event.getApplicationContext() != context) {
            return;
        }
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        log.info("Shutting down: readiness is DOWN, draining for {}", drainDelay);
        if (!drainDelay.isZero()) {
            try {
                Thread.sleep(drainDelay);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
