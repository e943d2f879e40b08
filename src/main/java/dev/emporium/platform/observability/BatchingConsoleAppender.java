package dev.emporium.platform.observability;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Writes log lines to standard out from one background thread, in batches: a caller only enqueues its event,
 * and the writer encodes what has gathered and writes it with one system call. Logback's {@code AsyncAppender}
 * wakes its writer and writes once per line, which cost a small request more CPU than the rest of its work
 * (docs/decisions/0010). Nothing is discarded: when the queue is full, callers wait; lines keep their order.
 */
public class BatchingConsoleAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

    private static final int MAX_BATCH = 1024;
    private static final long IDLE_POLL_MILLIS = 100;
    /** How long the writer lets a burst gather after its first line: the most a line is delayed. */
    private static final long GATHER_MICROS = 1000;
    /** How long stopping waits for queued lines to be written. */
    private static final long MAX_FLUSH_MILLIS = 2000;

    private Encoder<ILoggingEvent> encoder;
    private int queueSize = 8192;

    private BlockingQueue<ILoggingEvent> queue;
    private Thread writer;
    private volatile boolean stopping;
    private ByteArrayOutputStream buffer; // the writer thread's own

    public void setEncoder(Encoder<ILoggingEvent> encoder) {
        this.encoder = encoder;
    }

    /** Events waiting to be written; past it, logging callers wait. */
    public void setQueueSize(int queueSize) {
        this.queueSize = queueSize;
    }

    @Override
    public void start() {
        if (encoder == null) {
            addError("No encoder set for the appender named [" + name + "].");
            return;
        }
        queue = new ArrayBlockingQueue<>(queueSize);
        stopping = false;
        writer = Thread.ofPlatform().name("log-writer").daemon().unstarted(this::writeUntilStopped);
        super.start();
        writer.start();
    }

    @Override
    protected void append(ILoggingEvent event) {
        // Message, thread name and MDC (the request id) are fixed now, on the caller's thread.
        event.prepareForDeferredProcessing();
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(event);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        if (!isStarted()) {
            return;
        }
        super.stop();
        stopping = true;
        writer.interrupt();
        try {
            writer.join(MAX_FLUSH_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            addWarn("Log lines still queued after " + MAX_FLUSH_MILLIS + " ms were not written.");
        }
    }

    private void writeUntilStopped() {
        List<ILoggingEvent> batch = new ArrayList<>(MAX_BATCH);
        while (!stopping || !queue.isEmpty()) {
            ILoggingEvent first;
            try {
                first = queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                continue; // stop() asks: the loop condition decides, after the queue is empty
            }
            if (first == null) {
                continue;
            }
            batch.add(first);
            if (!stopping) {
                LockSupport.parkNanos(this, TimeUnit.MICROSECONDS.toNanos(GATHER_MICROS));
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            write(batch);
            batch.clear();
        }
    }

    private void write(List<ILoggingEvent> batch) {
        if (buffer == null || buffer.size() > 1024 * 1024) {
            buffer = new ByteArrayOutputStream(64 * 1024); // one burst of huge lines must not pin a huge buffer
        }
        buffer.reset();
        for (ILoggingEvent event : batch) {
            try {
                buffer.writeBytes(encoder.encode(event));
            } catch (RuntimeException e) {
                addError("A log line could not be encoded.", e);
            }
        }
        // Looked up each time: tests capture standard out by replacing System.out.
        PrintStream out = System.out;
        out.write(buffer.toByteArray(), 0, buffer.size());
        out.flush();
    }
}
