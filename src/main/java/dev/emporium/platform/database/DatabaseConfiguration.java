package dev.emporium.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import dev.emporium.platform.EmporiumProperties;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The primary connection pool: to the PostgreSQL named by {@code emporium.database.url}, or, when none is named,
 * to an embedded PostgreSQL that Emporium starts itself. The SQL is the same either way.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Configuration(proxyBeanMethods = false)
    @Conditional(ExternalDatabaseConfigured.class)
    static class External {

        @Bean
        @ConfigurationProperties("spring.datasource.hikari")
        HikariDataSource dataSource(EmporiumProperties properties) {
            EmporiumProperties.Database database = properties.database();
            verifyReachable(database);
            HikariDataSource dataSource = new HikariDataSource();
            dataSource.setJdbcUrl(database.url());
            dataSource.setUsername(database.username());
            dataSource.setPassword(database.password());
            return dataSource;
        }

        /** One plain connection first, so a wrong address or password is one clear sentence, not a pool's stack trace. */
        private static void verifyReachable(EmporiumProperties.Database database) {
            Properties connection = new Properties();
            if (database.username() != null) {
                connection.setProperty("user", database.username());
            }
            if (database.password() != null) {
                connection.setProperty("password", database.password());
            }
            String seconds = Long.toString(Math.max(1, database.connectTimeout().toSeconds()));
            connection.setProperty("connectTimeout", seconds);
            connection.setProperty("loginTimeout", seconds);
            try (Connection ignored = DriverManager.getConnection(database.url(), connection)) {
                // Reachable, and the credentials are accepted.
            } catch (SQLException failure) {
                throw new DatabaseUnavailableException(database.url(), failure);
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(EmbeddedDatabaseWanted.class)
    static class Embedded {

        @Bean
        static EmbeddedDatabaseLauncher embeddedDatabaseLauncher(Environment environment) {
            return new EmbeddedDatabaseLauncher(environment);
        }

        @Bean
        @ConfigurationProperties("spring.datasource.hikari")
        HikariDataSource dataSource(EmbeddedDatabaseLauncher launcher) {
            EmbeddedDatabase embeddedDatabase = launcher.database();
            HikariDataSource dataSource = new HikariDataSource();
            dataSource.setJdbcUrl(embeddedDatabase.jdbcUrl());
            dataSource.setUsername("postgres");
            return dataSource;
        }
    }

    static final class ExternalDatabaseConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty("emporium.database.url"));
        }
    }

    static final class EmbeddedDatabaseWanted implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !new ExternalDatabaseConfigured().matches(context, metadata);
        }
    }
}
