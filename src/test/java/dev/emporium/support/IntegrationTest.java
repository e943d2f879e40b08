package dev.emporium.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A test against the whole application on random ports, talking to the real test PostgreSQL that
 * {@code ./emporium test} provides (override with EMPORIUM_TEST_DATABASE_URL/_USERNAME/_PASSWORD).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "emporium.database.url=" + TestDatabase.URL,
            "emporium.database.username=" + TestDatabase.USERNAME,
            "emporium.database.password=" + TestDatabase.PASSWORD,
            "emporium.management.port=0",
            "emporium.identity.master-key=" + IntegrationTest.MASTER_KEY,
            "emporium.admin.email=" + IntegrationTest.ADMIN_EMAIL,
            "emporium.admin.password=" + IntegrationTest.ADMIN_PASSWORD
        })
public @interface IntegrationTest {

    /** Shared by every test context, as instances of one deployment share theirs. */
    String MASTER_KEY = "q3RrZWV5LWZvci10ZXN0cy1vbmx5LTMyLWJ5dGVzISE=";
    String ADMIN_EMAIL = "admin@emporium.test";
    String ADMIN_PASSWORD = "test-admin-password-7Qx";
}
