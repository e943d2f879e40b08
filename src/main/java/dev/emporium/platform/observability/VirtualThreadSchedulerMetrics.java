package dev.emporium.platform.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.lang.management.ManagementFactory;
import jdk.management.VirtualThreadSchedulerMXBean;
import org.springframework.stereotype.Component;

/**
 * The virtual-thread scheduler's gauges, read from its MXBean: threads mounted and queued (requests running and
 * waiting for a carrier), carriers and the target parallelism. Micrometer's own binder adds a JFR recording for
 * pinning, which since JDK 24 no longer happens in {@code synchronized}; that recording cost about 15 MB of
 * native memory per instance (docs/decisions/0010).
 */
@Component
class VirtualThreadSchedulerMetrics implements MeterBinder {

    @Override
    public void bindTo(MeterRegistry registry) {
        VirtualThreadSchedulerMXBean scheduler = ManagementFactory.getPlatformMXBean(VirtualThreadSchedulerMXBean.class);
        Gauge.builder("jvm.threads.virtual.live", scheduler, VirtualThreadSchedulerMXBean::getMountedVirtualThreadCount)
                .tag("scheduling.status", "mounted")
                .baseUnit("threads")
                .description("Virtual threads running on a carrier thread")
                .register(registry);
        Gauge.builder("jvm.threads.virtual.live", scheduler, VirtualThreadSchedulerMXBean::getQueuedVirtualThreadCount)
                .tag("scheduling.status", "queued")
                .baseUnit("threads")
                .description("Virtual threads ready to run and waiting for a carrier thread")
                .register(registry);
        Gauge.builder("jvm.threads.virtual.pool.size", scheduler, VirtualThreadSchedulerMXBean::getPoolSize)
                .description("Carrier threads of the virtual-thread scheduler")
                .register(registry);
        Gauge.builder("jvm.threads.virtual.parallelism", scheduler, VirtualThreadSchedulerMXBean::getParallelism)
                .description("Target parallelism of the virtual-thread scheduler")
                .register(registry);
    }
}
