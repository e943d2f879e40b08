package dev.emporium.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server started by Emporium itself, with its files kept in a directory of the caller's between runs.
 * One Emporium at a time may own a data directory: a second start fails with {@link DataDirectoryInUseException}.
 */
final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final FileChannel lockChannel;
    private final FileLock lock;
    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(FileChannel lockChannel, FileLock lock, EmbeddedPostgres postgres) {
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.postgres = postgres;
    }

    static EmbeddedDatabase start(Path dataDirectory) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        FileChannel channel = null;
        try {
            Files.createDirectories(directory.getParent());
            channel = FileChannel.open(directory.resolveSibling(directory.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel, directory);
            stopOrphanedServer(directory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    // Spring stops the server after the connection pool; a JVM hook of its own would stop it
                    // in the middle of a graceful shutdown, under requests still draining.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .setServerConfig("max_connections", "100")
                    // The library's defaults suit throw-away test databases: no fsync, no synchronous commit. This
                    // one keeps a shop's data between runs, so a commit is on disk before it is answered.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            log.info("Embedded PostgreSQL is up on port {} with data in {}", postgres.getPort(), directory);
            return new EmbeddedDatabase(channel, lock, postgres);
        } catch (IOException failure) {
            closeQuietly(channel);
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, failure);
        } catch (RuntimeException failure) {
            closeQuietly(channel);
            throw failure;
        }
    }

    /** Another process holds it (null), or this very process does (an overlap): either way, it is in use. */
    private static FileLock tryLock(FileChannel channel, Path directory) throws IOException {
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
        } catch (OverlappingFileLockException heldHere) {
            // Falls through to the same refusal.
        }
        throw new DataDirectoryInUseException(directory);
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() throws IOException {
        try {
            postgres.close();
        } finally {
            lock.release();
            lockChannel.close();
        }
    }

    /**
     * A server left running by an Emporium that was killed outright still holds the directory. We own the lock, so
     * no Emporium uses it: ask it for a fast shutdown (SIGINT) and wait, rather than fail on its postmaster.pid.
     */
    private static void stopOrphanedServer(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.isReadable(pidFile)) {
            return;
        }
        Optional<ProcessHandle> orphan = Files.readAllLines(pidFile).stream().findFirst()
                .flatMap(line -> {
                    try {
                        return ProcessHandle.of(Long.parseLong(line.trim()));
                    } catch (NumberFormatException notAPid) {
                        return Optional.empty();
                    }
                })
                .filter(process -> process.info().command().map(command -> command.endsWith("postgres")).orElse(false));
        if (orphan.isEmpty()) {
            return;
        }
        log.warn("Stopping an embedded PostgreSQL (pid {}) left running by an earlier Emporium", orphan.get().pid());
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(orphan.get().pid())).inheritIO().start().waitFor();
            orphan.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception stillRunning) {
            throw new IOException("An earlier embedded PostgreSQL (pid " + orphan.get().pid() + ") does not stop", stillRunning);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Start-up already failed; the original failure is the one worth reporting.
            }
        }
    }
}
