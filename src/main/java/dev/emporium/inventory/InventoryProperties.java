package dev.emporium.inventory;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code emporium.inventory.*}. {@code defaultHold} is how long checkout holds stock for an unpaid order. The
 * sweeper releases expired reservations every {@code sweepInterval}, at most {@code sweepBatchSize} per
 * transaction; any number of instances may run it, one sweeps at a time.
 */
@Validated
@ConfigurationProperties("emporium.inventory")
public record InventoryProperties(
        @DefaultValue("15m") Duration defaultHold,
        @DefaultValue("true") boolean sweepEnabled,
        @DefaultValue("30s") Duration sweepInterval,
        @DefaultValue("500") @Min(1) @Max(10_000) int sweepBatchSize) {}
