package io.passerelle.incidentservice.suspect.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param window how long before an incident started a deployment stays a suspect (default 24h) */
@ConfigurationProperties("passerelle.attribution")
record AttributionProperties(@DefaultValue("24h") Duration window) {
}
