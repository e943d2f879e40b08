package dev.emporium.platform.ratelimit;

import dev.emporium.platform.redis.RedisConnections;
import dev.emporium.platform.web.ProblemWriter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The rate limiter that configuration asks for, and its filter. With {@code emporium.redis.url} the buckets are
 * in Redis and one limit holds across instances; without it each instance keeps its own. With
 * {@code emporium.rate-limit.enabled=false} there is no filter and every {@link RateLimiter} call is allowed.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    RateLimitPlans rateLimitPlans(RateLimitProperties properties) {
        return new RateLimitPlans(properties);
    }

    @Bean
    RateLimitMetrics rateLimitMetrics(MeterRegistry registry, RateLimitPlans plans) {
        return new RateLimitMetrics(registry, plans);
    }

    @Bean
    RateLimiter rateLimiter(RateLimitProperties properties, ObjectProvider<RedisConnections> redis, RateLimitPlans plans,
            RateLimitMetrics metrics) {
        if (!properties.enabled()) {
            return (key, plan) -> plans.get(plan).unmetered();
        }
        RedisConnections connections = redis.getIfAvailable();
        if (connections != null) {
            return new RedisRateLimiter(connections, plans, metrics, properties.redisFailurePolicy());
        }
        return new LocalRateLimiter(plans, metrics, properties.localMaxKeys());
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimiter limiter, RateLimitPlans plans,
            RateLimitProperties properties, ProblemWriter problemWriter) {
        FilterRegistrationBean<RateLimitFilter> registration =
                new FilterRegistrationBean<>(new RateLimitFilter(limiter, plans, properties, problemWriter));
        registration.setName("rateLimitFilter");
        registration.setOrder(RateLimitFilter.ORDER);
        // Once per request: not again for the error page or an async dispatch of the same request.
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setEnabled(properties.enabled());
        return registration;
    }

    @Bean
    FilterRegistrationBean<CredentialCheckFilter> credentialCheckFilter(List<UncheckedCredentials> credentials,
            RateLimiter limiter, RateLimitProperties properties, ProblemWriter problemWriter) {
        FilterRegistrationBean<CredentialCheckFilter> registration = new FilterRegistrationBean<>(new CredentialCheckFilter(
                credentials, limiter, new ClientAddresses(properties.trustedProxies()), problemWriter));
        registration.setName("credentialCheckFilter");
        registration.setOrder(CredentialCheckFilter.ORDER);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setEnabled(properties.enabled() && !credentials.isEmpty());
        return registration;
    }
}
