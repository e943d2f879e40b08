package dev.emporium.support;

import dev.emporium.EmporiumApplication;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Whole application instances started by a test itself, as separate processes of one deployment would be: on the
 * test database, with the suite's master key and first admin, on free ports. {@code arguments} add or override.
 */
public final class Instances {

    private Instances() {}

    public static ConfigurableApplicationContext start(String... arguments) {
        String[] common = {
            "--emporium.database.url=" + TestDatabase.url(),
            "--emporium.database.username=" + TestDatabase.username(),
            "--emporium.database.password=" + TestDatabase.password(),
            "--emporium.identity.master-key=" + IntegrationTest.MASTER_KEY,
            "--emporium.admin.email=" + IntegrationTest.ADMIN_EMAIL,
            "--emporium.admin.password=" + IntegrationTest.ADMIN_PASSWORD,
            "--emporium.http.port=0",
            "--emporium.management.port=0"
        };
        return new SpringApplicationBuilder(EmporiumApplication.class)
                .run(Stream.concat(Stream.of(common), Stream.of(arguments)).toArray(String[]::new));
    }

    /** The base URL of an instance's API. */
    public static String url(ConfigurableApplicationContext instance) {
        return "http://127.0.0.1:" + instance.getEnvironment().getProperty("local.server.port");
    }
}
