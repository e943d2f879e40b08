package dev.emporium.platform.database;

/** Why the database could not be used at start-up, and what the operator can do about it. */
abstract sealed class DatabaseStartupFailure extends RuntimeException
        permits DatabaseUnavailableException, DataDirectoryInUseException {

    DatabaseStartupFailure(String message, Throwable cause) {
        super(message, cause);
    }

    abstract String action();
}
