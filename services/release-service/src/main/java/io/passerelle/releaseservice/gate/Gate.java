package io.passerelle.releaseservice.gate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.passerelle.platform.domain.RuleViolationException;
import io.passerelle.releaseservice.deployment.Deployment;
import io.passerelle.releaseservice.deployment.Executor;
import org.jspecify.annotations.Nullable;

/**
 * A pipeline's question "may I deploy?", about one deployment it carries out itself. It belongs to the client that
 * opened it; its decision follows the change behind the deployment (PENDING → ALLOWED | REFUSED, once); the outcome
 * the pipeline reports is its deployment's. What is deployed, where, by whom and in which run are the deployment's.
 */
public final class Gate {

    private final UUID id;
    private final UUID deploymentId;
    private final String service;
    private final String environment;
    private final String commitSha;
    private final String version;
    private final String runUrl;
    private final String requestedBy;
    private final String openedBy;
    private final Evidence evidence;
    private final @Nullable Callback callback;
    private final Instant openedAt;
    private GateDecision decision;
    private @Nullable UUID changeId;
    private @Nullable String reason;
    private @Nullable Instant decidedAt;
    private @Nullable Instant proceedAt;
    private final @Nullable GateOutcome outcome;
    private final List<GateDecided> events = new ArrayList<>();

    private Gate(UUID id, UUID deploymentId, String service, String environment, String commitSha, String version,
            String runUrl, String requestedBy, String openedBy, Evidence evidence, @Nullable Callback callback,
            Instant openedAt, GateDecision decision, @Nullable UUID changeId, @Nullable String reason,
            @Nullable Instant decidedAt, @Nullable Instant proceedAt, @Nullable GateOutcome outcome) {
        this.id = id;
        this.deploymentId = deploymentId;
        this.service = service;
        this.environment = environment;
        this.commitSha = commitSha;
        this.version = version;
        this.runUrl = runUrl;
        this.requestedBy = requestedBy;
        this.openedBy = openedBy;
        this.evidence = evidence;
        this.callback = callback;
        this.openedAt = openedAt;
        this.decision = decision;
        this.changeId = changeId;
        this.reason = reason;
        this.decidedAt = decidedAt;
        this.proceedAt = proceedAt;
        this.outcome = outcome;
    }

    /** A gate for {@code deployment}, planned for its pipeline, opened by the client {@code openedBy}: PENDING. */
    public static Gate open(Deployment deployment, String openedBy, Evidence evidence, @Nullable Callback callback,
            Instant at) {
        return open(UUID.randomUUID(), deployment, openedBy, evidence, callback, at);
    }

    /** The same, with the id its requester chose. */
    public static Gate open(UUID id, Deployment deployment, String openedBy, Evidence evidence,
            @Nullable Callback callback, Instant at) {
        if (deployment.executor() != Executor.PIPELINE || deployment.runUrl() == null) {
            throw new IllegalArgumentException("a gate is about a deployment its pipeline run carries out");
        }
        return new Gate(id, deployment.id(), deployment.service(), deployment.environment(),
                deployment.commitSha(), deployment.version(), deployment.runUrl(), deployment.requestedBy(), openedBy,
                evidence, callback, at, GateDecision.PENDING, deployment.changeId(), null, null, null, null);
    }

    /** A gate as stored, with what its deployment says (change, outcome). */
    public static Gate restore(UUID id, UUID deploymentId, String service, String environment, String commitSha,
            String version, String runUrl, String requestedBy, String openedBy, Evidence evidence,
            @Nullable Callback callback, Instant openedAt, GateDecision decision, @Nullable UUID changeId,
            @Nullable String reason, @Nullable Instant decidedAt, @Nullable Instant proceedAt,
            @Nullable GateOutcome outcome) {
        return new Gate(id, deploymentId, service, environment, commitSha, version, runUrl, requestedBy, openedBy,
                evidence, callback, openedAt, decision, changeId, reason, decidedAt, proceedAt, outcome);
    }

    /**
     * The change was authorized: the pipeline may deploy. Registers {@link GateDecided}; a gate already decided
     * changes nothing and returns false.
     */
    public boolean allow(UUID changeId, Instant at) {
        return decide(GateDecision.ALLOWED, changeId, null, at);
    }

    /** The change was rejected, for {@code reason}. Registers {@link GateDecided}; false when already decided. */
    public boolean refuse(UUID changeId, String reason, Instant at) {
        return decide(GateDecision.REFUSED, changeId, reason, at);
    }

    /**
     * The change was authorized but freeze windows hold it until {@code until}, for {@code reason}: HELD, which is not
     * final (ALLOWED follows when the change is released). Registers {@link GateDecided}; false when decided already.
     */
    public boolean hold(UUID changeId, String reason, Instant until, Instant at) {
        if (!decide(GateDecision.HELD, changeId, reason, at)) {
            return false;
        }
        this.proceedAt = until;
        events.set(events.size() - 1, decided());
        return true;
    }

    private boolean decide(GateDecision decided, UUID changeId, @Nullable String why, Instant at) {
        if (decision.isFinal()) {
            return false;
        }
        this.decision = decided;
        this.changeId = changeId;
        this.reason = why;
        this.decidedAt = at;
        this.proceedAt = null;
        events.add(decided());
        return true;
    }

    /** The decision as it is published and posted to the callback URL. */
    public GateDecided decided() {
        if (decision == GateDecision.PENDING) {
            throw new IllegalStateException("gate " + id + " is not decided");
        }
        return new GateDecided(id, deploymentId, Objects.requireNonNull(changeId), service, environment, decision,
                reason, proceedAt, Objects.requireNonNull(decidedAt));
    }

    /** HELD: when the change behind it may proceed. */
    public @Nullable Instant proceedAt() {
        return proceedAt;
    }

    /** Whether the client {@code client} (a token's {@code azp}) opened it. */
    public boolean isOpenedBy(@Nullable String client) {
        return openedBy.equals(client);
    }

    /**
     * The pipeline may report its deployment's outcome once, and only once allowed.
     *
     * @throws RuleViolationException (conflict) when the gate is not ALLOWED or its outcome is known already
     */
    public void requireOutcomeAllowed() {
        if (outcome != null) {
            throw RuleViolationException.conflict("the outcome of gate " + id + " was already reported ("
                    + outcome + "); nothing was changed");
        }
        if (decision != GateDecision.ALLOWED) {
            throw RuleViolationException.conflict("gate " + id + " is " + decision + ": an outcome is reported only"
                    + " for a gate that is ALLOWED");
        }
    }

    /** The events registered since the last call. */
    public List<GateDecided> pullEvents() {
        var pulled = List.copyOf(events);
        events.clear();
        return pulled;
    }

    public UUID id() {
        return id;
    }

    public UUID deploymentId() {
        return deploymentId;
    }

    public String service() {
        return service;
    }

    public String environment() {
        return environment;
    }

    public String commitSha() {
        return commitSha;
    }

    public String version() {
        return version;
    }

    public String runUrl() {
        return runUrl;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public String openedBy() {
        return openedBy;
    }

    public Evidence evidence() {
        return evidence;
    }

    public @Nullable Callback callback() {
        return callback;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public GateDecision decision() {
        return decision;
    }

    /** The change behind it, once change-service raised it. */
    public @Nullable UUID changeId() {
        return changeId;
    }

    public @Nullable String reason() {
        return reason;
    }

    public @Nullable Instant decidedAt() {
        return decidedAt;
    }

    public @Nullable GateOutcome outcome() {
        return outcome;
    }
}
