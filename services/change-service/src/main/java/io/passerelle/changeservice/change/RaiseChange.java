package io.passerelle.changeservice.change;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.passerelle.changeservice.catalog.port.Environments;
import io.passerelle.changeservice.change.port.Changes;
import io.passerelle.changeservice.change.port.Freezes;
import io.passerelle.changeservice.risk.RiskAssessor;
import io.passerelle.changeservice.standardchange.Candidate;
import io.passerelle.changeservice.standardchange.StandardChanges;
import io.passerelle.platform.domain.RuleViolationException;
import org.jspecify.annotations.Nullable;

/**
 * Raises changes, by hand for an environment the catalog knows, or for a planned deployment, each assessed as it is
 * raised: its live risk and, for a pipeline's change, whether a standard-change template pre-approves it; an
 * authorized change is held while freeze windows cover it.
 */
public class RaiseChange {

    private final Changes changes;
    private final Environments environments;
    private final RiskAssessor risk;
    private final StandardChanges templates;
    private final Freezes freezes;
    private final Clock clock;

    public RaiseChange(Changes changes, Environments environments, RiskAssessor risk, StandardChanges templates,
            Freezes freezes, Clock clock) {
        this.changes = changes;
        this.environments = environments;
        this.risk = risk;
        this.templates = templates;
        this.freezes = freezes;
        this.clock = clock;
    }

    /** A change raised by a person; refused (422) for an environment the catalog does not know. */
    public ChangeRequest byHand(ChangeType type, String service, String environment, String title,
            @Nullable String description, String requestedBy) {
        var target = environments.find(service, environment).orElseThrow(() -> RuleViolationException.unprocessable(
                "Service " + service + " has no environment " + environment + " in the catalog"));
        var proposal = new Proposal(type, service, environment, title, description, requestedBy, null, null);
        var at = clock.instant();
        return raise(proposal, Assessment.byHand(risk.assess(service, environment, at)), target.requiresApproval(),
                at);
    }

    /**
     * The change a planned deployment needs: STANDARD and authorized at once where a standard-change template
     * pre-approves it, or, where none does, where the environment does not require approval; NORMAL otherwise, saying
     * why. An emergency rollback is EMERGENCY, decided under the emergency approval policy, or, an incident's rollback
     * under the environment's automatic incident rollback policy, authorized at once by that policy, its audit trail
     * naming the policy and the incident (ADR 0020). A deployment has one change: empty when it already has one.
     */
    public Optional<ChangeRequest> forDeployment(PlannedDeployment deployment) {
        if (changes.findByDeployment(deployment.deploymentId()).isPresent()) {
            return Optional.empty();
        }
        var at = clock.instant();
        var assessed = risk.assess(deployment.service(), deployment.environment(), at);
        var match = templates.match(new Candidate(deployment.service(), deployment.environment(), true, assessed, at));
        var standard = match.template().isPresent() || !deployment.requiresApproval();
        var rollback = deployment.rollback();
        var type = rollback != null && rollback.emergency() ? ChangeType.EMERGENCY
                : standard ? ChangeType.STANDARD : ChangeType.NORMAL;
        var title = rollback == null
                ? "Deploy " + deployment.service() + " " + deployment.version() + " to " + deployment.environment()
                : "Roll " + deployment.service() + " in " + deployment.environment() + " back to "
                        + deployment.version();
        var description = rollback == null ? null
                : "Undoes deployment " + rollback.of() + ": " + rollback.reason();
        var proposal = new Proposal(type, deployment.service(), deployment.environment(), title, description,
                deployment.requestedBy(), deployment.deploymentId(), deployment.releaseId());
        var assessment = new Assessment(assessed, match.template().orElse(null), match.reasons());
        if (type == ChangeType.EMERGENCY && rollback.automatic() && rollback.incidentId() != null) {
            var policy = "the incident rollback policy of " + deployment.environment() + " (automatic) for incident "
                    + rollback.incidentId();
            return Optional.of(save(ChangeRequest.raiseAuthorizedByPolicy(UUID.randomUUID(), proposal, assessment,
                    deployment.requiresApproval(), policy, freezes.holding(proposal.service(),
                            proposal.environment(), at), at)));
        }
        return Optional.of(raise(proposal, assessment, deployment.requiresApproval(), at));
    }

    private ChangeRequest raise(Proposal proposal, Assessment assessment, boolean requiresApproval, Instant at) {
        return save(ChangeRequest.raise(UUID.randomUUID(), proposal, assessment, requiresApproval,
                freezes.holding(proposal.service(), proposal.environment(), at), at));
    }

    private ChangeRequest save(ChangeRequest change) {
        changes.save(change);
        return change;
    }

    /**
     * A deployment of a release to an environment, as release orchestration planned it; a rollback says what it
     * undoes and whether an incident asks for it (an emergency change).
     */
    public record PlannedDeployment(UUID deploymentId, UUID releaseId, String service, String environment,
            String version, boolean requiresApproval, String requestedBy, @Nullable Rollback rollback) {

        public PlannedDeployment(UUID deploymentId, UUID releaseId, String service, String environment,
                String version, boolean requiresApproval, String requestedBy) {
            this(deploymentId, releaseId, service, environment, version, requiresApproval, requestedBy, null);
        }
    }

    /**
     * What a rollback undoes, why, whether its change is an emergency, the incident that asked for it, if one did,
     * and whether the environment's incident rollback policy authorizes its change at once ({@code automatic}, only
     * heeded for an emergency naming an incident).
     */
    public record Rollback(UUID of, String reason, boolean emergency, @Nullable UUID incidentId, boolean automatic) {

        /** A rollback a person asked for. */
        public Rollback(UUID of, String reason, boolean emergency) {
            this(of, reason, emergency, null, false);
        }
    }
}
