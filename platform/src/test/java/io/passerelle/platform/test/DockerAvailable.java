package io.passerelle.platform.test;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.testcontainers.DockerClientFactory;

/** True where a Docker engine answers; the machine's own PostgreSQL and RabbitMQ are used otherwise. */
class DockerAvailable implements Condition {

    private static final boolean AVAILABLE = probe();

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return AVAILABLE;
    }

    private static boolean probe() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
