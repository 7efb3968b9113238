package io.passerelle.incidentservice.incident.config;

import java.time.Duration;
import java.util.Map;

import io.passerelle.incidentservice.incident.Level;
import io.passerelle.incidentservice.incident.Priority;
import io.passerelle.incidentservice.incident.PriorityMatrix;
import io.passerelle.incidentservice.incident.Severities;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code passerelle.incidents.*}, checked when the service starts (a bad matrix or severity table stops it, saying
 * what is wrong).
 *
 * @param reopenWithin how long after its resolution an incident may be reopened; it closes by itself after that
 * @param priorityMatrix impact → urgency → priority; the ITIL matrix when not set
 * @param severities alert severity label → impact and urgency; {@link Severities#DEFAULT_LEVELS} when not set
 * @param defaultSeverity the label a missing or unknown severity reads as
 */
@ConfigurationProperties("passerelle.incidents")
record IncidentProperties(@DefaultValue("7d") Duration reopenWithin,
        @Nullable Map<Level, Map<Level, Priority>> priorityMatrix,
        @Nullable Map<String, Severities.Levels> severities,
        @DefaultValue("warning") String defaultSeverity) {

    IncidentProperties {
        if (!reopenWithin.isPositive()) {
            throw new IllegalArgumentException("passerelle.incidents.reopen-within must be positive, not "
                    + reopenWithin);
        }
    }

    PriorityMatrix matrix() {
        try {
            return priorityMatrix == null ? PriorityMatrix.itil() : new PriorityMatrix(priorityMatrix);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("passerelle.incidents.priority-matrix: " + e.getMessage(), e);
        }
    }

    Severities severityTable() {
        try {
            return new Severities(severities == null ? Severities.DEFAULT_LEVELS : severities, defaultSeverity);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("passerelle.incidents.severities: " + e.getMessage(), e);
        }
    }
}
