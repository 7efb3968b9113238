package io.passerelle.platform.test;

import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.rabbitmq.RabbitMQContainer;

/** Clean schema, purged queues and, where Docker runs, containers instead of the machine's services. */
@TestConfiguration(proxyBeanMethods = false)
public class TestInfrastructure {

    @Bean
    FlywayMigrationStrategy cleanThenMigrate() {
        return flyway -> {
            flyway.clean();
            flyway.migrate();
        };
    }

    @Bean
    InitializingBean purgeQueues(ConnectionFactory connectionFactory, @Value("${passerelle.inbox.queue}") String queue) {
        return () -> {
            var admin = new RabbitAdmin(connectionFactory);
            for (var name : new String[] { queue, queue + ".dlq" }) {
                if (admin.getQueueProperties(name) != null) {
                    admin.purgeQueue(name, false);
                }
            }
        };
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(DockerAvailable.class)
    static class Containers {

        @Bean
        @ServiceConnection
        PostgreSQLContainer postgres() {
            return new PostgreSQLContainer("postgres:15-alpine");
        }

        @Bean
        @ServiceConnection
        RabbitMQContainer rabbit() {
            return new RabbitMQContainer("rabbitmq:3.13-management-alpine");
        }
    }
}
