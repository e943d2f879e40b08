package dev.emporium.platform;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PlatformConfiguration {

    /** One clock for every time-dependent rule (token lifetimes, expiries), in UTC. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
