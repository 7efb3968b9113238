package io.passerelle.integrationservice.cdevents.config;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.observation.ObservationRegistry;
import io.passerelle.platform.outbound.DeliveryPolicy;
import io.passerelle.integrationservice.cdevents.Links;
import io.passerelle.integrationservice.cdevents.PublishCdEvents;
import io.passerelle.integrationservice.cdevents.ReplayCdEventDelivery;
import io.passerelle.integrationservice.cdevents.adapter.amqp.CdEventExchangeRelay;
import io.passerelle.integrationservice.cdevents.adapter.persistence.JdbcCdEventLog;
import io.passerelle.integrationservice.cdevents.adapter.persistence.JdbcCdEventOutbox;
import io.passerelle.integrationservice.cdevents.adapter.sink.HttpSink;
import io.passerelle.integrationservice.cdevents.adapter.sink.HttpSinkWorker;
import io.passerelle.integrationservice.cdevents.adapter.sink.HttpSinkWorkers;
import io.passerelle.integrationservice.cdevents.port.DeployedVersions;
import io.passerelle.platform.outbound.OutboundGuard;
import io.passerelle.platform.outbound.PinnedHttpClient;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CdEventsProperties.class)
class CdEventsConfiguration {

    /** Declared by the broker admin at connection: durable, topic, routing key = the CDEvents type. */
    @Bean
    TopicExchange cdEventsExchange() {
        return new TopicExchange(CdEventExchangeRelay.EXCHANGE, true, false);
    }

    @Bean
    JdbcCdEventOutbox cdEventOutbox(JdbcClient jdbc, JsonMapper json, Clock clock, CdEventsProperties properties) {
        var destinations = new ArrayList<String>();
        destinations.add(CdEventExchangeRelay.DESTINATION);
        sinks(properties).forEach(sink -> destinations.add(sink.destination()));
        return new JdbcCdEventOutbox(jdbc, json, clock, destinations);
    }

    @Bean
    CdEventExchangeRelay cdEventExchangeRelay(ConnectionFactory connections, JdbcCdEventOutbox outbox,
            TransactionTemplate tx, Clock clock, CdEventsProperties properties) {
        var exchange = properties.exchange();
        return new CdEventExchangeRelay(new RabbitTemplate(connections), outbox, tx, clock,
                new DeliveryPolicy(exchange.backoff(), exchange.maxBackoff(), 0), exchange.confirmTimeout(),
                exchange.pollInterval(), exchange.retention());
    }

    @Bean(destroyMethod = "close")
    PinnedHttpClient cdEventSinkClient(CdEventsProperties properties, ObservationRegistry observations) {
        var delivery = properties.delivery();
        return new PinnedHttpClient("CDEvents sinks", delivery.connectTimeout(), delivery.readTimeout(),
                Math.max(1, delivery.concurrency() * Math.max(1, properties.sinks().size())), observations);
    }

    @Bean
    HttpSinkWorkers cdEventSinkWorkers(JdbcCdEventOutbox outbox, OutboundGuard guard, PinnedHttpClient cdEventSinkClient,
            TransactionTemplate tx, Clock clock, CdEventsProperties properties) {
        var delivery = properties.delivery();
        var policy = new DeliveryPolicy(delivery.backoff(), delivery.maxBackoff(), delivery.maxAttempts());
        return new HttpSinkWorkers(sinks(properties).stream().map(sink -> new HttpSinkWorker(sink, outbox, guard,
                cdEventSinkClient, tx, clock, policy, delivery.lease(), delivery.pollInterval(),
                delivery.concurrency())).toList());
    }

    @Bean
    PublishCdEvents publishCdEvents(JdbcCdEventOutbox outbox, DeployedVersions versions,
            CdEventExchangeRelay exchange, HttpSinkWorkers sinks, CdEventsProperties properties) {
        return new PublishCdEvents(outbox, versions, new Links(properties.consoleUrl()), properties.source(),
                List.of(exchange, sinks));
    }

    @Bean
    JdbcCdEventLog cdEventLog(JdbcClient jdbc) {
        return new JdbcCdEventLog(jdbc);
    }

    @Bean
    ReplayCdEventDelivery replayCdEventDelivery(JdbcCdEventLog cdEventLog, CdEventExchangeRelay exchange,
            HttpSinkWorkers sinks, Clock clock) {
        return new ReplayCdEventDelivery(cdEventLog, List.of(exchange, sinks), clock);
    }

    private static List<HttpSink> sinks(CdEventsProperties properties) {
        return properties.sinks().stream()
                .map(s -> new HttpSink(s.name(), s.url(), blankToNull(s.bearerToken()), blankToNull(s.secret())))
                .toList();
    }

    private static @org.jspecify.annotations.Nullable String blankToNull(@org.jspecify.annotations.Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
