package dev.emporium.platform.events;

import dev.emporium.platform.EmporiumProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Where asynchronous work, event handlers above all, runs: {@code emporium.events.concurrency} virtual threads
 * over one queue, instead of a new thread for every task. A burst of events (a sweep that releases hundreds of
 * reservations, or the backlog a crash left, handed over again at start-up) then waits in the queue, a few hundred
 * bytes per task, instead of as that many threads all reaching for a database connection: they failed on the
 * pool's timeout, and tens of thousands of waiting threads filled the heap. A handler that publishes events only
 * adds to the queue, so it never waits for a thread it holds.
 */
@Configuration(proxyBeanMethods = false)
class EventHandling {

    /** Replaces Spring Boot's executor of the same name, which {@code @Async} handlers use. */
    @Bean(name = {"applicationTaskExecutor", "taskExecutor"})
    ThreadPoolTaskExecutor applicationTaskExecutor(EmporiumProperties properties) {
        int concurrency = properties.events().concurrency();
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(concurrency);
        executor.setMaxPoolSize(concurrency);
        executor.setVirtualThreads(true);
        executor.setThreadNamePrefix("async-");
        // On shutdown, queued and interrupted handlers leave their publications incomplete: handed over again at start-up.
        return executor;
    }
}
