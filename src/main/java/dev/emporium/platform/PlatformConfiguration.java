package dev.emporium.platform;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduled jobs, and asynchronous event listeners (the outbox's handlers run after their transaction commits). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableAsync
class PlatformConfiguration {

    /** One clock for every time-dependent rule (token lifetimes, expiries), in UTC. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
