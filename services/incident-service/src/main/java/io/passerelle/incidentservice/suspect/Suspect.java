package io.passerelle.incidentservice.suspect;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.incidentservice.deployment.Outcome;
import org.jspecify.annotations.Nullable;

/**
 * A deployment suspected of causing an incident: its rank (1 = most likely), its score in [0, 1] (3 decimals) and
 * the reason in words, as attribution computed them; and, once a person decided, the {@link Decision} (none while
 * the suspects may still be computed again). {@code madeBy}: the tool that deployed it outside change control (no
 * change; its commit when the tool said it), absent for Passerelle's own deployments.
 */
public record Suspect(int rank, UUID deploymentId, String version, @Nullable String commitSha,
        @Nullable UUID changeId, Outcome outcome, Instant finishedAt, double score, String reason,
        @Nullable Decision decision, @Nullable String madeBy) {

    /** A suspect as attribution ranks it: nobody decided about it yet. */
    public Suspect(int rank, UUID deploymentId, String version, @Nullable String commitSha, @Nullable UUID changeId,
            Outcome outcome, Instant finishedAt, double score, String reason) {
        this(rank, deploymentId, version, commitSha, changeId, outcome, finishedAt, score, reason, null, null);
    }

    /** A deployment of Passerelle's, with what was decided about it. */
    public Suspect(int rank, UUID deploymentId, String version, @Nullable String commitSha, @Nullable UUID changeId,
            Outcome outcome, Instant finishedAt, double score, String reason, @Nullable Decision decision) {
        this(rank, deploymentId, version, commitSha, changeId, outcome, finishedAt, score, reason, decision, null);
    }

    public Suspect decided(Decision made) {
        return new Suspect(rank, deploymentId, version, commitSha, changeId, outcome, finishedAt, score, reason, made,
                madeBy);
    }

    /** The same deployment at the same place for the same reason (whatever was decided about it). */
    public boolean rankedAs(Suspect other) {
        return rank == other.rank && deploymentId.equals(other.deploymentId) && score == other.score
                && reason.equals(other.reason);
    }
}
