package io.passerelle.releaseservice.delivery.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code passerelle.dora.*}.
 *
 * @param window the rolling range of the DORA gauges, up to now
 * @param refresh how often the gauges are computed again (in the background; a scrape only reads them)
 */
@ConfigurationProperties("passerelle.dora")
record DeliveryProperties(@DefaultValue("30d") Duration window, @DefaultValue("5m") Duration refresh) {
}
