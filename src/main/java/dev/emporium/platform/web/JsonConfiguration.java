package dev.emporium.platform.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.DeserializationFeature;

/** How every request body is read, whichever module reads it. */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    /**
     * A fraction for a whole number is refused (400, naming the field), not truncated: an amount of 19.99 meant in
     * minor units must never be stored as 19.
     */
    @Bean
    JsonMapperBuilderCustomizer wholeNumbersStayWhole() {
        return builder -> builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }
}
