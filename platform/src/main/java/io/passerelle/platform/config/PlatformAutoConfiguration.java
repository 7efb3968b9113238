package io.passerelle.platform.config;

import java.time.Clock;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.passerelle.platform.crypto.CallbackCredentials;
import io.passerelle.platform.crypto.SecretSealer;
import io.passerelle.platform.deadletter.DeadLetterEndpoint;
import io.passerelle.platform.deadletter.DeadLetterMetrics;
import io.passerelle.platform.inbox.InboxConfiguration;
import io.passerelle.platform.outbound.OutboundConfiguration;
import io.passerelle.platform.outbox.OutboxConfiguration;
import io.passerelle.platform.security.ResourceServerSecurity;
import io.passerelle.platform.security.SecurityProperties;
import io.passerelle.platform.trace.TraceCarrier;
import io.passerelle.platform.web.WebConfiguration;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** Wires the platform into every service that has it on its classpath. */
@AutoConfiguration
@EnableConfigurationProperties(SecurityProperties.class)
@Import({ OutboxConfiguration.class, InboxConfiguration.class, WebConfiguration.class, ResourceServerSecurity.class,
        OutboundConfiguration.class })
public class PlatformAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnProperty("passerelle.secrets.key")
    SecretSealer secretSealer(@Value("${passerelle.secrets.key}") String key) {
        return new SecretSealer(key);
    }

    /** Deployment callback credentials, derived from the same key (docs/decisions/0007). */
    @Bean
    @ConditionalOnProperty("passerelle.secrets.key")
    CallbackCredentials callbackCredentials(@Value("${passerelle.secrets.key}") String key) {
        return new CallbackCredentials(key);
    }

    /** Carries trace context through the outbox and the bus; a no-op where tracing is switched off. */
    @Bean
    TraceCarrier traceCarrier(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new TraceCarrier(tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    @Bean
    DeadLetterMetrics deadLetterMetrics(AmqpAdmin admin, @Value("${passerelle.inbox.queue}") String queue) {
        return new DeadLetterMetrics(admin, queue);
    }

    @Bean
    DeadLetterEndpoint deadLetterEndpoint(RabbitTemplate rabbit, @Value("${passerelle.inbox.queue}") String queue) {
        return new DeadLetterEndpoint(rabbit, queue);
    }
}
