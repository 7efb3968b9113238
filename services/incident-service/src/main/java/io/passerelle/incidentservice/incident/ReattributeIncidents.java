package io.passerelle.incidentservice.incident;

import java.time.Clock;

import io.passerelle.incidentservice.deployment.FinishedDeployment;
import io.passerelle.incidentservice.deployment.port.Deployments;
import io.passerelle.incidentservice.incident.port.Incidents;
import io.passerelle.incidentservice.suspect.AttributeIncident;

/**
 * A finished deployment joins the projection, and the incidents it may have caused that opened before we heard of
 * it (events arrive late and out of order) have their suspects computed again: those of its service and environment
 * that started from its beginning to its end plus the window, while they are open and nobody decided about their
 * suspects (the aggregate says).
 */
public final class ReattributeIncidents {

    private final Deployments deployments;
    private final Incidents incidents;
    private final AttributeIncident attribution;
    private final Clock clock;

    public ReattributeIncidents(Deployments deployments, Incidents incidents, AttributeIncident attribution,
            Clock clock) {
        this.deployments = deployments;
        this.incidents = incidents;
        this.attribution = attribution;
        this.clock = clock;
    }

    /**
     * Records the deployment, and returns how many incidents it changed the suspects of. A deployment already known
     * (its first outcome stays) changes nothing.
     */
    public int onFinished(FinishedDeployment deployment) {
        if (!deployments.record(deployment)) {
            return 0;
        }
        int changed = 0;
        var now = clock.instant();
        for (var incident : incidents.startedBetween(deployment.service(), deployment.environment(),
                deployment.began(), attribution.latestIncidentStart(deployment))) {
            if (!incident.suspectsMayChange()) {
                continue;
            }
            var recomputed = attribution.suspects(incident.service(), incident.environment(), incident.startedAt());
            if (incident.reattribute(recomputed, now, deployment.deploymentId())) {
                incidents.save(incident);
                changed++;
            }
        }
        return changed;
    }
}
