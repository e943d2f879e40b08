package dev.emporium.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Every {@code emporium.*} setting. Each one can also be given as an environment variable in Spring's relaxed
 * form ({@code emporium.database.url} is {@code EMPORIUM_DATABASE_URL}); docs/configuration.md lists them.
 */
@ConfigurationProperties("emporium")
public record EmporiumProperties(
        @DefaultValue Http http,
        @DefaultValue Management management,
        @DefaultValue Database database,
        @DefaultValue Shutdown shutdown,
        @DefaultValue Events events) {

    /** {@code corsAllowedOrigins}: browser origins that may call the API (none by default: no cross-origin use). */
    public record Http(
            @DefaultValue("8080") int port,
            @DefaultValue("1MB") DataSize maxRequestBodySize,
            @DefaultValue List<String> corsAllowedOrigins) {}

    public record Management(@DefaultValue("8081") int port) {}

    /** An external PostgreSQL when {@code url} is set, else an embedded one whose files live in {@code embeddedDataDirectory}. */
    public record Database(
            String url,
            String username,
            String password,
            @DefaultValue("./data/postgres") Path embeddedDataDirectory,
            @DefaultValue("5s") Duration connectTimeout) {

        public boolean external() {
            return url != null && !url.isBlank();
        }
    }

    /**
     * Event handlers: at most {@code concurrency} run at once on an instance, and at most {@code queueCapacity}
     * more wait for a turn; past that the publishing thread runs the handler itself, so a flood of events slows its
     * source down instead of filling the heap. A delivery not finished {@code staleAfter} after it was published or
     * last handed over is presumed lost with its instance and marked failed. When {@code redelivery} is on, a
     * failed delivery is handed to its handler again {@code redeliveryInterval} after its first attempt, then after
     * twice as long each time, until {@code redeliveryAttempts} attempts failed: then it moves to the dead letters.
     */
    public record Events(
            @DefaultValue("8") int concurrency,
            @DefaultValue("5000") int queueCapacity,
            @DefaultValue("2m") Duration staleAfter,
            @DefaultValue("true") boolean redelivery,
            @DefaultValue("1m") Duration redeliveryInterval,
            @DefaultValue("10") int redeliveryAttempts) {

        public Events {
            if (concurrency < 1) {
                throw new IllegalArgumentException("emporium.events.concurrency must be at least 1, not " + concurrency);
            }
            if (queueCapacity < 1) {
                throw new IllegalArgumentException("emporium.events.queue-capacity must be at least 1, not " + queueCapacity);
            }
            if (!staleAfter.isPositive()) {
                throw new IllegalArgumentException("emporium.events.stale-after must be positive, not " + staleAfter);
            }
            if (redeliveryAttempts < 1) {
                throw new IllegalArgumentException("emporium.events.redelivery-attempts must be at least 1, not " + redeliveryAttempts);
            }
            if (!redeliveryInterval.isPositive()) {
                throw new IllegalArgumentException("emporium.events.redelivery-interval must be positive, not " + redeliveryInterval);
            }
        }
    }

    /** On SIGTERM: how long readiness reports DOWN before the server stops accepting, and how long in-flight requests get. */
    public record Shutdown(
            @DefaultValue("0s") Duration drainDelay,
            @DefaultValue("20s") Duration timeout) {}
}
