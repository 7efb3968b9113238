package io.passerelle.incidentservice.suspect;

import java.time.Instant;
import java.util.List;

import io.passerelle.incidentservice.deployment.port.Deployments;

/** Finds the suspects of an incident among the deployments we know of when it opens. */
public final class AttributeIncident {

    private final Deployments deployments;
    private final Attribution attribution;

    public AttributeIncident(Deployments deployments, Attribution attribution) {
        this.deployments = deployments;
        this.attribution = attribution;
    }

    public List<Suspect> suspects(String service, String environment, Instant startedAt) {
        var candidates = deployments.finishedBetween(service, environment, attribution.windowStart(startedAt),
                startedAt);
        return attribution.suspects(service, environment, startedAt, candidates);
    }
}
