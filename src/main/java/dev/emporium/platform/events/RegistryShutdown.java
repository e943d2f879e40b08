package dev.emporium.platform.events;

import org.springframework.beans.factory.support.MergedBeanDefinitionPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.modulith.events.core.DefaultEventPublicationRegistry;

/**
 * Skips Spring Modulith's registry {@code destroy()}, which reads every unfinished publication into memory to log
 * it at shutdown: with a backlog of 130,000 the instance ran out of heap while stopping, and exited without
 * stopping its embedded database. Unfinished deliveries stay in the registry either way, for redelivery.
 */
class RegistryShutdown implements MergedBeanDefinitionPostProcessor {

    @Override
    public void postProcessMergedBeanDefinition(RootBeanDefinition definition, Class<?> beanType, String beanName) {
        if (DefaultEventPublicationRegistry.class.isAssignableFrom(beanType)) {
            definition.registerExternallyManagedDestroyMethod("destroy");
        }
    }
}
