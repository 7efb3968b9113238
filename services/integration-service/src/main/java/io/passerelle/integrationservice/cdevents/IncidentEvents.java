package io.passerelle.integrationservice.cdevents;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Incidents as CDEvents {@code incident.detected} (opened) and {@code incident.resolved}. The spec requires an
 * environment: an unattributed incident (no service and environment known) names {@link #UNATTRIBUTED}. The top
 * suspect's version, when there is one, is the {@code artifactId}.
 */
public final class IncidentEvents {

    /** The environment of an incident Passerelle could not attribute. */
    public static final String UNATTRIBUTED = "unattributed";

    private IncidentEvents() {
    }

    public record Opened(UUID incidentId, @Nullable String service, @Nullable String environment, String title,
            String priority, @Nullable String suspectVersion, @Nullable UUID suspectDeploymentId) {
    }

    public record Resolved(UUID incidentId, @Nullable String service, @Nullable String environment,
            @Nullable String resolvedBy, long timeToRestoreSeconds) {
    }

    public static CdEvent detected(CdEvent.Origin origin, Opened o) {
        var artifact = o.service() != null && o.suspectVersion() != null
                ? Content.artifact(o.service(), o.suspectVersion()) : null;
        return CdEvent.of(CdEventType.INCIDENT_DETECTED, origin, o.incidentId().toString(),
                Content.of().put("description", "[" + o.priority() + "] " + o.title())
                        .put("environment", Content.ref(environment(o.environment())))
                        .put("service", o.service() == null ? null : Content.ref(o.service()))
                        .put("artifactId", artifact).map(),
                Content.of().put("incidentId", o.incidentId()).put("priority", o.priority())
                        .put("suspectDeploymentId", o.suspectDeploymentId()).map());
    }

    public static CdEvent resolved(CdEvent.Origin origin, Resolved r) {
        var by = r.resolvedBy() == null ? "" : " by " + r.resolvedBy();
        return CdEvent.of(CdEventType.INCIDENT_RESOLVED, origin, r.incidentId().toString(),
                Content.of().put("description", "resolved" + by + " after " + r.timeToRestoreSeconds() + " s")
                        .put("environment", Content.ref(environment(r.environment())))
                        .put("service", r.service() == null ? null : Content.ref(r.service())).map(),
                Content.of().put("incidentId", r.incidentId()).put("timeToRestoreSeconds", r.timeToRestoreSeconds())
                        .map());
    }

    private static String environment(@Nullable String environment) {
        return environment == null || environment.isBlank() ? UNATTRIBUTED : environment;
    }
}
