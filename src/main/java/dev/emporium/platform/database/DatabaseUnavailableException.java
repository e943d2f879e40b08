package dev.emporium.platform.database;

/** The configured PostgreSQL cannot be reached or refuses the configured credentials. */
final class DatabaseUnavailableException extends DatabaseStartupFailure {

    DatabaseUnavailableException(String url, Throwable cause) {
        super("Cannot connect to PostgreSQL at " + url + ": " + cause.getMessage(), cause);
    }

    @Override
    String action() {
        return "Check that PostgreSQL runs at that address and that EMPORIUM_DATABASE_URL, EMPORIUM_DATABASE_USERNAME and "
                + "EMPORIUM_DATABASE_PASSWORD are right, or unset EMPORIUM_DATABASE_URL to use the embedded database.";
    }
}
