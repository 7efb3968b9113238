package io.passerelle.platform.inbox;

import java.util.Map;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * Binds the service's queue to exactly the event types its {@link HandlesEvent} methods declare: before any bean is
 * created, it reads the declarations from the bean definitions and sets the binder's routing keys from them, above
 * any configuration, so the bindings cannot drift from the handlers.
 */
class InboxRouting implements BeanFactoryPostProcessor, EnvironmentAware {

    static final String ROUTING_KEYS = "spring.cloud.stream.rabbit.bindings.events-in-0.consumer.binding-routing-key";
    static final String PROPERTY_SOURCE = "passerelle-declared-handlers";

    private ConfigurableEnvironment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = (ConfigurableEnvironment) environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beans) {
        var types = DeclaredHandlers.scan(beans).keySet();
        if (types.isEmpty()) {
            throw new IllegalStateException("No @HandlesEvent method: the service's queue would receive nothing");
        }
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE,
                Map.of(ROUTING_KEYS, String.join(",", types))));
    }
}
