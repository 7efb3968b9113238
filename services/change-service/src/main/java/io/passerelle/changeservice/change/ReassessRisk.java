package io.passerelle.changeservice.change;

import java.time.Clock;

import io.passerelle.changeservice.change.port.Changes;
import io.passerelle.changeservice.risk.RiskAssessor;
import org.jspecify.annotations.Nullable;

/**
 * Assesses again the risk of the changes of a service not implementing yet (waiting for approval or scheduled), when
 * something that moves a factor happens: an incident opens or resolves on it, one of its changes fails.
 */
public class ReassessRisk {

    private final Changes changes;
    private final RiskAssessor risk;
    private final Clock clock;

    public ReassessRisk(Changes changes, RiskAssessor risk, Clock clock) {
        this.changes = changes;
        this.risk = risk;
        this.clock = clock;
    }

    /** The open changes of the service, in that environment or in all when null; how many were assessed again. */
    public int of(String service, @Nullable String environment) {
        var at = clock.instant();
        var open = changes.notImplementing(service, environment);
        for (var change : open) {
            if (change.reassess(risk.assess(change.service(), change.environment(), at))) {
                changes.save(change);
            }
        }
        return open.size();
    }
}
