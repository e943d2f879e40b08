package dev.emporium.support;

import dev.emporium.platform.web.RequestIds;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.MDC;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements each request sends, by its {@code X-Request-Id}: the application's own DataSource,
 * wrapped so that every statement it prepares is counted under the request id in the logging context.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter {

    private static final Set<String> STATEMENT_METHODS = Set.of("prepareStatement", "createStatement", "prepareCall");
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    public int statementsOf(String requestId) {
        AtomicInteger count = counts.get(requestId);
        return count == null ? 0 : count.get();
    }

    @Bean
    static BeanPostProcessor countingDataSource(org.springframework.beans.factory.ObjectProvider<StatementCounter> counter) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource dataSource && !(bean instanceof Proxy)) {
                    return proxy(DataSource.class, dataSource, (method, result) -> method.getName().equals("getConnection")
                            ? proxy(Connection.class, (Connection) result, (inner, statement) -> {
                                if (STATEMENT_METHODS.contains(inner.getName())) {
                                    counter.getObject().count();
                                }
                                return statement;
                            })
                            : result);
                }
                return bean;
            }
        };
    }

    private void count() {
        String requestId = MDC.get(RequestIds.MDC_KEY);
        if (requestId != null) {
            counts.computeIfAbsent(requestId, id -> new AtomicInteger()).incrementAndGet();
        }
    }

    private interface AfterCall {
        Object apply(Method method, Object result) throws Exception;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, AfterCall after) {
        // AutoCloseable too, so the context still closes the pool behind the proxy.
        InvocationHandler handler = (proxy, method, args) -> {
            try {
                return after.apply(method, method.invoke(target, args));
            } catch (InvocationTargetException failure) {
                throw failure.getCause();
            }
        };
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type, AutoCloseable.class}, handler);
    }
}
