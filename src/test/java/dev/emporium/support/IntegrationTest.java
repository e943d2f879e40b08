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
            "emporium.management.port=0"
        })
public @interface IntegrationTest {}
