package dev.emporium.platform.redis;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;

/**
 * How a feature reports a Redis that it cannot reach: one WARN line at most every 30 seconds, with how many
 * operations failed since the previous one, and one INFO line once Redis answers again. An outage costs a few log
 * lines, not one per request.
 */
public final class RedisOutageLog {

    private static final long WARNING_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final Logger log;
    private final String warning;
    private final String recovery;
    private final AtomicLong nextWarning = new AtomicLong(System.nanoTime());
    private final LongAdder failuresSinceWarning = new LongAdder();
    private final AtomicBoolean degraded = new AtomicBoolean();

    /**
     * @param warning a log format whose two {@code {}} are the failure and the number of failures since the last warning
     * @param recovery a log line without arguments
     */
    public RedisOutageLog(Logger log, String warning, String recovery) {
        this.log = log;
        this.warning = warning;
        this.recovery = recovery;
    }

    public void failed(Object failure) {
        degraded.set(true);
        failuresSinceWarning.increment();
        long now = System.nanoTime();
        long due = nextWarning.get();
        if (now - due >= 0 && nextWarning.compareAndSet(due, now + WARNING_INTERVAL_NANOS)) {
            log.warn(warning, failure, failuresSinceWarning.sumThenReset());
        }
    }

    public void answered() {
        if (degraded.get() && degraded.compareAndSet(true, false)) {
            log.info(recovery);
        }
    }
}
