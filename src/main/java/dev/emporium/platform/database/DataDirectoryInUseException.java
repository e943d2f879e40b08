package dev.emporium.platform.database;

import java.nio.file.Path;

/** Another Emporium already runs on this data directory; a second server on it would corrupt it. */
final class DataDirectoryInUseException extends DatabaseStartupFailure {

    DataDirectoryInUseException(Path directory) {
        super("Another Emporium is already running with its embedded database in " + directory, null);
    }

    @Override
    String action() {
        return "Stop the other Emporium first, or give this one its own EMPORIUM_DATABASE_EMBEDDED_DATA_DIRECTORY.";
    }
}
