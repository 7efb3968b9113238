package io.passerelle.platform.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A service's integration test against real PostgreSQL and RabbitMQ, on a real Tomcat (random port, so that what
 * Tomcat itself refuses can be tested over a socket): Testcontainers where Docker runs, the
 * machine's own services otherwise ({@code PASSERELLE_IT_DB_URL}, {@code PASSERELLE_IT_DB_USER},
 * {@code PASSERELLE_IT_RABBIT_HOST} override). Each service gets its own {@code <schema>_it} schema, cleaned and
 * migrated when the context starts, and {@code it.<service>.}-prefixed exchanges and queues, purged at start, so
 * that tests never meet a running stack's messages nor another module's tests. Tracing and metrics run as in
 * production (spans are not exported unless {@code passerelle.tracing.export} is set).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=${PASSERELLE_IT_DB_URL:jdbc:postgresql://127.0.0.1:5432/test}",
        "spring.datasource.username=${PASSERELLE_IT_DB_USER:postgres}",
        "spring.datasource.password=${PASSERELLE_IT_DB_PASSWORD:}",
        "spring.datasource.hikari.schema=${passerelle.db.schema}_it",
        "spring.flyway.schemas=${passerelle.db.schema}_it",
        "spring.flyway.default-schema=${passerelle.db.schema}_it",
        "spring.flyway.clean-disabled=false",
        "spring.rabbitmq.host=${PASSERELLE_IT_RABBIT_HOST:127.0.0.1}",
        "spring.cloud.stream.rabbit.default.consumer.prefix=it.${spring.application.name}.",
        "spring.cloud.stream.rabbit.default.producer.prefix=it.${spring.application.name}.",
        "passerelle.secrets.key=" + TestEvents.SECRETS_KEY,
        "passerelle.outbox.poll-interval=200ms",
        "logging.level.root=WARN" })
@AutoConfigureTracing
@AutoConfigureMetrics
@Import({ TestInfrastructure.class, TestEvents.class })
public @interface PasserelleIntegrationTest {
}
