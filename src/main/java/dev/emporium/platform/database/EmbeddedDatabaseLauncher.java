package dev.emporium.platform.database;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Starts the embedded PostgreSQL on a virtual thread as soon as the application context is being built, so the
 * server boots while Spring creates the web server and the rest, instead of after. Created first among the beans,
 * it is destroyed last: the server stops after everything that used it.
 */
final class EmbeddedDatabaseLauncher implements BeanFactoryPostProcessor, DisposableBean {

    private final CompletableFuture<EmbeddedDatabase> starting = new CompletableFuture<>();

    EmbeddedDatabaseLauncher(Environment environment) {
        Path directory = Binder.get(environment)
                .bind("emporium.database.embedded-data-directory", Path.class)
                .orElse(Path.of("./data/postgres"));
        Thread.ofVirtual().name("embedded-postgres-start").start(() -> {
            try {
                starting.complete(EmbeddedDatabase.start(directory));
            } catch (RuntimeException failure) {
                starting.completeExceptionally(failure);
            }
        });
    }

    /** The running server; waits for it if it is still starting, and fails as its start failed. */
    EmbeddedDatabase database() {
        try {
            return starting.join();
        } catch (CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        }
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        // Nothing to change: being a post-processor is what makes this bean start before all others.
    }

    @Override
    public void destroy() throws Exception {
        EmbeddedDatabase database = starting.exceptionally(failure -> null).join();
        if (database != null) {
            database.close();
        }
    }
}
