package dev.emporium.platform.redis;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** {@link RedisConnections} exists only when {@code emporium.redis.url} is set; its users take it as optional. */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

    @Bean
    @Conditional(RedisConfigured.class)
    RedisConnections redisConnections(RedisConnectionProperties properties) {
        return new RedisConnections(properties);
    }

    /** Set and not blank: an empty variable means no Redis. */
    static final class RedisConfigured implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty("emporium.redis.url"));
        }
    }
}
