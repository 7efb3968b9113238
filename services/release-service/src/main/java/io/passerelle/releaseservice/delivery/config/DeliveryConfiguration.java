package io.passerelle.releaseservice.delivery.config;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.passerelle.releaseservice.catalog.port.Services;
import io.passerelle.releaseservice.delivery.MeasureDelivery;
import io.passerelle.releaseservice.delivery.adapter.metrics.DoraGauges;
import io.passerelle.releaseservice.delivery.port.DeliveryHistory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Delivery performance: the query behind GET /api/v1/metrics/dora, and its gauges ({@code passerelle.dora.*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeliveryProperties.class)
class DeliveryConfiguration {

    @Bean
    MeasureDelivery measureDelivery(Services services, DeliveryHistory history, Clock clock) {
        return new MeasureDelivery(services, history, clock);
    }

    @Bean
    DoraGauges doraGauges(MeasureDelivery measure, MeterRegistry meters, DeliveryProperties properties) {
        return new DoraGauges(measure, meters, properties.window(), properties.refresh());
    }
}
