package io.passerelle.incident.incident.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.passerelle.incident.api.model.DeploymentOutcome;
import io.passerelle.incident.api.model.IncidentReport;
import io.passerelle.incident.api.model.IncidentSource;
import io.passerelle.incident.api.model.IncidentState;
import io.passerelle.incident.api.model.Level;
import io.passerelle.incident.api.model.Priority;
import io.passerelle.incident.api.model.Suspect;
import io.passerelle.incident.incident.Incident;
import io.passerelle.incident.incident.ServiceDeskReport;
import org.jspecify.annotations.Nullable;

/** Between the generated API models and the domain, at the edge. */
final class IncidentMapping {

    private IncidentMapping() {
    }

    static ServiceDeskReport report(IncidentReport r) {
        return new ServiceDeskReport(r.getService(), r.getEnvironment(), r.getTitle(), r.getDescription(),
                level(r.getImpact()), level(r.getUrgency()),
                r.getStartedAt() == null ? null : r.getStartedAt().toInstant());
    }

    static io.passerelle.incident.api.model.Incident view(Incident i) {
        return new io.passerelle.incident.api.model.Incident(i.id(), i.service(), i.environment(), i.title(),
                IncidentSource.valueOf(i.source().name()), Priority.valueOf(i.priority().name()),
                Level.valueOf(i.impact().name()), Level.valueOf(i.urgency().name()),
                IncidentState.valueOf(i.state().name()), i.occurrences(), time(i.startedAt()), time(i.openedAt()),
                i.reportedBy(), i.suspects().stream().map(IncidentMapping::view).toList())
                .description(i.description())
                .fingerprint(i.fingerprint())
                .alertName(i.alertName())
                .lastSeenAt(nullableTime(i.lastSeenAt()))
                .resolvedAt(nullableTime(i.resolvedAt()))
                .resolvedBy(i.resolvedBy())
                .timeToRestoreSeconds(i.timeToRestore().map(java.time.Duration::toSeconds).orElse(null));
    }

    private static Suspect view(io.passerelle.incident.suspect.Suspect s) {
        return new Suspect(s.rank(), s.deploymentId(), s.version(), s.commitSha(),
                DeploymentOutcome.valueOf(s.outcome().name()), time(s.finishedAt()), s.score(), s.reason())
                .changeId(s.changeId());
    }

    private static io.passerelle.incident.incident.Level level(Level level) {
        return io.passerelle.incident.incident.Level.valueOf(level.name());
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable OffsetDateTime nullableTime(@Nullable Instant instant) {
        return instant == null ? null : time(instant);
    }
}
