package io.passerelle.incidentservice.rollback;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.passerelle.incidentservice.timeline.TimelineEntry;
import io.passerelle.incidentservice.timeline.TimelineEntry.Kind;
import org.jspecify.annotations.Nullable;

/**
 * A rollback proposed for an incident (ADR 0020), as release-service and change-service tell it: planned (or declined,
 * saying why), its emergency change raised, authorized or rejected, then rolled back or failed. Each step registers a
 * line of the incident's timeline, stamped with the time the step happened; a step is taken only after the one it
 * follows ({@link #accepts}), so the lines of one instant keep their order too; the state only moves forward.
 */
public final class RollbackProposal {

    /** Where the rollback stands. */
    public enum State {
        PLANNED(0), AWAITING_APPROVAL(1), AUTHORIZED(2), ROLLED_BACK(3), FAILED(3), REJECTED(3), DECLINED(3);

        private final int rank;

        State(int rank) {
            this.rank = rank;
        }
    }

    static final String RELEASE_SERVICE = "release-service";
    static final String CHANGE_SERVICE = "change-service";

    private final UUID incidentId;
    private final UUID undoneDeploymentId;
    private final @Nullable UUID deploymentId;
    private final String environment;
    private final @Nullable String restoredVersion;
    private final boolean automatic;
    private final @Nullable String declinedReason;
    private final Instant proposedAt;
    private @Nullable UUID changeId;
    private State state;
    private Instant updatedAt;
    private final List<TimelineEntry> timeline = new ArrayList<>();

    private RollbackProposal(UUID incidentId, UUID undoneDeploymentId, @Nullable UUID deploymentId, String environment,
            @Nullable String restoredVersion, @Nullable UUID changeId, State state, boolean automatic,
            @Nullable String declinedReason, Instant proposedAt, Instant updatedAt) {
        if ((state == State.DECLINED) != (deploymentId == null) || (state == State.DECLINED) != (declinedReason != null)) {
            throw new IllegalArgumentException("a rollback proposal has a rollback deployment exactly when it was not"
                    + " declined, and a declined reason exactly when it was");
        }
        this.incidentId = incidentId;
        this.undoneDeploymentId = undoneDeploymentId;
        this.deploymentId = deploymentId;
        this.environment = environment;
        this.restoredVersion = restoredVersion;
        this.changeId = changeId;
        this.state = state;
        this.automatic = automatic;
        this.declinedReason = declinedReason;
        this.proposedAt = proposedAt;
        this.updatedAt = updatedAt;
    }

    /**
     * release-service planned rollback deployment {@code deploymentId}, putting {@code version} back in
     * {@code environment} to undo {@code undone}, for {@code reason}; its change is authorized at once when
     * {@code automatic}.
     */
    public static RollbackProposal planned(UUID incidentId, UUID undone, UUID deploymentId, String environment,
            String version, boolean automatic, String reason, Instant at) {
        var proposal = new RollbackProposal(incidentId, undone, deploymentId, environment, version, null,
                State.PLANNED, automatic, null, at, at);
        proposal.line(at, Kind.DEPLOYMENT, RELEASE_SERVICE, "rollback proposed: deployment " + deploymentId + " puts "
                + version + " back in " + environment + ", undoing deployment " + undone + ", under an emergency"
                + " change " + (automatic ? "the environment's incident rollback policy authorizes at once"
                        : "that waits for the emergency approvers") + " (" + reason + ")", deploymentId);
        return proposal;
    }

    /** release-service planned no rollback of {@code undone}, for {@code reason}. */
    public static RollbackProposal declined(UUID incidentId, UUID undone, String environment, String reason,
            Instant at) {
        var proposal = new RollbackProposal(incidentId, undone, null, environment, null, null, State.DECLINED, false,
                reason, at, at);
        proposal.line(at, Kind.DEPLOYMENT, RELEASE_SERVICE, "no rollback of deployment " + undone + ": " + reason,
                undone);
        return proposal;
    }

    /** A proposal as stored; registers nothing. */
    public static RollbackProposal restore(UUID incidentId, UUID undone, @Nullable UUID deploymentId,
            String environment, @Nullable String restoredVersion, @Nullable UUID changeId, State state,
            boolean automatic, @Nullable String declinedReason, Instant proposedAt, Instant updatedAt) {
        return new RollbackProposal(incidentId, undone, deploymentId, environment, restoredVersion, changeId, state,
                automatic, declinedReason, proposedAt, updatedAt);
    }

    /** Whether the step it follows was taken: the change is decided once raised, the rollback ends once authorized. */
    public boolean accepts(RollbackStep step) {
        return state != State.DECLINED && state.rank >= step.follows();
    }

    /** change-service raised the rollback's change, of {@code type}; waiting for approvers unless authorized at once. */
    public void changeRaised(UUID changeId, String type, boolean authorizedAtOnce, Instant at) {
        this.changeId = changeId;
        line(at, Kind.CHANGE, CHANGE_SERVICE, type + " change " + changeId + " raised for the rollback"
                + (authorizedAtOnce ? ", authorized at once" : ", waiting for the emergency approvers"), changeId);
        advance(authorizedAtOnce ? State.AUTHORIZED : State.AWAITING_APPROVAL, at);
    }

    /** The rollback's change was authorized by {@code by} (an approver, or the environment's policy). */
    public void changeAuthorized(UUID changeId, String by, Instant at) {
        this.changeId = changeId;
        line(at, Kind.CHANGE, by, "change " + changeId + (automatic
                ? " authorized at once by the environment's incident rollback policy (" + by + ")"
                : " approved: authorized by " + by), changeId);
        advance(State.AUTHORIZED, at);
    }

    /** The rollback's change was rejected by {@code by}: there will be no rollback. */
    public void changeRejected(UUID changeId, String by, @Nullable String reason, Instant at) {
        this.changeId = changeId;
        line(at, Kind.CHANGE, by, "change " + changeId + " rejected by " + by
                + (reason == null || reason.isBlank() ? "" : ": " + reason) + "; no rollback", changeId);
        advance(State.REJECTED, at);
    }

    /** The rollback succeeded: {@code version} is back in its environment. */
    public void rolledBack(String version, Instant at) {
        line(at, Kind.DEPLOYMENT, RELEASE_SERVICE, "rolled back: " + version + " is back in " + environment
                + " (deployment " + deploymentId + ")", deploymentId);
        advance(State.ROLLED_BACK, at);
    }

    /** The rollback deployment failed, for {@code reason}. */
    public void failed(String reason, Instant at) {
        line(at, Kind.DEPLOYMENT, RELEASE_SERVICE, "rollback failed (deployment " + deploymentId + "): " + reason,
                deploymentId);
        advance(State.FAILED, at);
    }

    private void advance(State to, Instant at) {
        if (to.rank > state.rank) {
            state = to;
        }
        if (at.isAfter(updatedAt)) {
            updatedAt = at;
        }
    }

    private void line(Instant at, Kind kind, String actor, String text, @Nullable UUID ref) {
        timeline.add(new TimelineEntry(incidentId, at, kind, actor, text, ref));
    }

    /** The timeline lines registered since the last pull, for the store to append with the proposal. */
    public List<TimelineEntry> pullTimeline() {
        var pulled = List.copyOf(timeline);
        timeline.clear();
        return pulled;
    }

    /** Whether a line of the incident's timeline is about this rollback (its deployment, its change, or its decline). */
    public boolean isAbout(TimelineEntry entry) {
        return (entry.kind() == Kind.CHANGE || entry.kind() == Kind.DEPLOYMENT) && entry.ref() != null
                && (entry.ref().equals(deploymentId) || entry.ref().equals(changeId)
                        || (state == State.DECLINED && entry.ref().equals(undoneDeploymentId)));
    }

    public UUID incidentId() {
        return incidentId;
    }

    public UUID undoneDeploymentId() {
        return undoneDeploymentId;
    }

    /** The rollback deployment; none when declined. */
    public @Nullable UUID deploymentId() {
        return deploymentId;
    }

    public String environment() {
        return environment;
    }

    public @Nullable String restoredVersion() {
        return restoredVersion;
    }

    public @Nullable UUID changeId() {
        return changeId;
    }

    public State state() {
        return state;
    }

    public boolean automatic() {
        return automatic;
    }

    public @Nullable String declinedReason() {
        return declinedReason;
    }

    public Instant proposedAt() {
        return proposedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    @Override
    public String toString() {
        return "RollbackProposal[" + incidentId + " undoes " + undoneDeploymentId + " by "
                + Objects.requireNonNullElse(deploymentId, "nothing") + ", " + state + "]";
    }
}
