package io.passerelle.incidentservice.suspect;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.passerelle.incidentservice.change.port.Changes;
import io.passerelle.incidentservice.deployment.FinishedDeployment;
import io.passerelle.incidentservice.deployment.port.Deployments;

/** Finds the suspects of an incident among the deployments (and their changes) we know of. */
public final class AttributeIncident {

    private final Deployments deployments;
    private final Changes changes;
    private final Attribution attribution;

    public AttributeIncident(Deployments deployments, Changes changes, Attribution attribution) {
        this.deployments = deployments;
        this.changes = changes;
        this.attribution = attribution;
    }

    /** Two queries: the candidates by service, environment and end, then their changes by id. */
    public List<Suspect> suspects(String service, String environment, Instant startedAt) {
        var candidates = deployments.inEffectBetween(service, environment, attribution.windowStart(startedAt),
                startedAt);
        var changeIds = candidates.stream().map(FinishedDeployment::changeId).filter(Objects::nonNull).toList();
        return attribution.suspects(service, environment, startedAt, candidates, changes.byIds(changeIds));
    }

    /** The latest start of an incident that {@code deployment} may be a suspect of; the earliest is its beginning. */
    public Instant latestIncidentStart(FinishedDeployment deployment) {
        return attribution.latestIncidentStart(deployment);
    }
}
