package dev.emporium.platform;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    /** One clock for every time-dependent rule (token lifetimes, expiries), in UTC. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
