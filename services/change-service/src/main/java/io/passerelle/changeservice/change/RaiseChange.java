package io.passerelle.changeservice.change;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import io.passerelle.changeservice.catalog.port.Environments;
import io.passerelle.changeservice.change.port.Changes;
import io.passerelle.platform.domain.RuleViolationException;
import org.jspecify.annotations.Nullable;

/** Raises changes: by hand for an environment the catalog knows, or for a planned deployment. */
public class RaiseChange {

    private final Changes changes;
    private final Environments environments;
    private final Clock clock;

    public RaiseChange(Changes changes, Environments environments, Clock clock) {
        this.changes = changes;
        this.environments = environments;
        this.clock = clock;
    }

    /** A change raised by a person; refused (422) for an environment the catalog does not know. */
    public ChangeRequest byHand(ChangeType type, String service, String environment, String title,
            @Nullable String description, String requestedBy) {
        var target = environments.find(service, environment).orElseThrow(() -> RuleViolationException.unprocessable(
                "Service " + service + " has no environment " + environment + " in the catalog"));
        var proposal = new Proposal(type, service, environment, title, description, requestedBy, null, null);
        return raise(proposal, target.requiresApproval());
    }

    /**
     * The change a planned deployment needs: standard and authorized at once where the environment does not require
     * approval, normal otherwise. A deployment has one change: empty when it already has one.
     */
    public Optional<ChangeRequest> forDeployment(PlannedDeployment deployment) {
        if (changes.findByDeployment(deployment.deploymentId()).isPresent()) {
            return Optional.empty();
        }
        var type = deployment.requiresApproval() ? ChangeType.NORMAL : ChangeType.STANDARD;
        var title = "Deploy " + deployment.service() + " " + deployment.version() + " to " + deployment.environment();
        var proposal = new Proposal(type, deployment.service(), deployment.environment(), title, null,
                deployment.requestedBy(), deployment.deploymentId(), deployment.releaseId());
        return Optional.of(raise(proposal, deployment.requiresApproval()));
    }

    private ChangeRequest raise(Proposal proposal, boolean requiresApproval) {
        var change = ChangeRequest.raise(UUID.randomUUID(), proposal, requiresApproval, clock.instant());
        changes.save(change);
        return change;
    }

    /** A deployment of a release to an environment, as release orchestration planned it. */
    public record PlannedDeployment(UUID deploymentId, UUID releaseId, String service, String environment,
            String version, boolean requiresApproval, String requestedBy) {
    }
}
