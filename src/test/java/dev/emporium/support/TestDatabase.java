package dev.emporium.support;

/** Where the test suite's PostgreSQL is, as property placeholders with the local defaults. */
public final class TestDatabase {

    public static final String URL = "${EMPORIUM_TEST_DATABASE_URL:jdbc:postgresql://127.0.0.1:5432/emporium_test}";
    public static final String USERNAME = "${EMPORIUM_TEST_DATABASE_USERNAME:emporium}";
    public static final String PASSWORD = "${EMPORIUM_TEST_DATABASE_PASSWORD:emporium}";

    private TestDatabase() {}

    /** The same settings resolved from the environment, for tests that start the application themselves. */
    public static String url() {
        return env("EMPORIUM_TEST_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/emporium_test");
    }

    public static String username() {
        return env("EMPORIUM_TEST_DATABASE_USERNAME", "emporium");
    }

    public static String password() {
        return env("EMPORIUM_TEST_DATABASE_PASSWORD", "emporium");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
