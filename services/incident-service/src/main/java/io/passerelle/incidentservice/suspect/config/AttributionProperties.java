package io.passerelle.incidentservice.suspect.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param window how long before an incident started a deployment that ended is still a suspect (default 24h)
 * @param highRisk the risk score (0–100) from which a NORMAL change ranks its deployment higher (default 50)
 */
@ConfigurationProperties("passerelle.attribution")
record AttributionProperties(@DefaultValue("24h") Duration window, @DefaultValue("50") int highRisk) {
}
