package io.passerelle.incidentservice.rollback;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A step of a rollback after its plan, as change-service or release-service tells it. Each follows another: the
 * change is raised once the rollback is planned, decided once raised, and the rollback ends once its change is
 * authorized; events may arrive in another order, so a step that comes early waits for the one it follows.
 */
public sealed interface RollbackStep {

    /** When it happened. */
    Instant at();

    /** The rank of the state the rollback must have reached for this step to be taken. */
    int follows();

    /** Takes the step: the proposal's state and a line of the incident's timeline. */
    void takeOn(RollbackProposal proposal);

    record ChangeRaised(UUID changeId, String type, boolean authorizedAtOnce, Instant at) implements RollbackStep {
        public int follows() {
            return 0;
        }

        public void takeOn(RollbackProposal proposal) {
            proposal.changeRaised(changeId, type, authorizedAtOnce, at);
        }
    }

    record ChangeAuthorized(UUID changeId, String by, Instant at) implements RollbackStep {
        public int follows() {
            return 1;
        }

        public void takeOn(RollbackProposal proposal) {
            proposal.changeAuthorized(changeId, by, at);
        }
    }

    record ChangeRejected(UUID changeId, String by, @Nullable String reason, Instant at) implements RollbackStep {
        public int follows() {
            return 1;
        }

        public void takeOn(RollbackProposal proposal) {
            proposal.changeRejected(changeId, by, reason, at);
        }
    }

    record RolledBack(String version, Instant at) implements RollbackStep {
        public int follows() {
            return 2;
        }

        public void takeOn(RollbackProposal proposal) {
            proposal.rolledBack(version, at);
        }
    }

    record Failed(String reason, Instant at) implements RollbackStep {
        public int follows() {
            return 2;
        }

        public void takeOn(RollbackProposal proposal) {
            proposal.failed(reason, at);
        }
    }
}
