package dev.emporium.platform.events;

import dev.emporium.platform.EmporiumProperties;
import java.util.concurrent.ThreadPoolExecutor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Where asynchronous work, event handlers above all, runs: {@code emporium.events.concurrency} virtual threads
 * over a queue of {@code emporium.events.queue-capacity} tasks, instead of a new thread for every task. A burst of
 * events (a sweep that releases hundreds of reservations) waits in the queue instead of as that many threads all
 * reaching for a database connection. A flood larger than the queue is run by the thread that publishes it: the
 * sweep or redelivery that floods slows down to the handlers' pace instead of filling the heap with queued tasks,
 * and a handler that publishes runs the next handler itself rather than waiting for a thread it may hold.
 */
@Configuration(proxyBeanMethods = false)
class EventHandling {

    /** Replaces Spring Boot's executor of the same name, which {@code @Async} handlers use. */
    @Bean(name = {"applicationTaskExecutor", "taskExecutor"})
    ThreadPoolTaskExecutor applicationTaskExecutor(EmporiumProperties properties) {
        EmporiumProperties.Events settings = properties.events();
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(settings.concurrency());
        executor.setMaxPoolSize(settings.concurrency());
        executor.setQueueCapacity(settings.queueCapacity());
        executor.setRejectedExecutionHandler(new ThreadPoolExecutor.CallerRunsPolicy());
        executor.setVirtualThreads(true);
        executor.setThreadNamePrefix("async-");
        // On shutdown, queued and interrupted handlers leave their publications incomplete: stale, then redelivered.
        return executor;
    }

    @Bean
    static RegistryShutdown registryShutdown() {
        return new RegistryShutdown();
    }
}
