package dev.emporium.platform.web;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.integration.Slf4jThreadLocalAccessor;
import org.springframework.context.annotation.Configuration;

/**
 * Carries the request id in the logging context across thread hops that capture and restore context (GraphQL's
 * execution and data loaders), so work done for a request on another thread is still logged, and counted, as its.
 */
@Configuration(proxyBeanMethods = false)
class RequestIdPropagation {

    RequestIdPropagation() {
        ContextRegistry.getInstance().registerThreadLocalAccessor(new Slf4jThreadLocalAccessor(RequestIds.MDC_KEY));
    }
}
