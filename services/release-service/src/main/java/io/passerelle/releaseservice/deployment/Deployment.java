package io.passerelle.releaseservice.deployment;

import static io.passerelle.releaseservice.deployment.DeploymentState.CANCELLED;
import static io.passerelle.releaseservice.deployment.DeploymentState.FAILED;
import static io.passerelle.releaseservice.deployment.DeploymentState.IN_PROGRESS;
import static io.passerelle.releaseservice.deployment.DeploymentState.PLANNED;
import static io.passerelle.releaseservice.deployment.DeploymentState.SUCCEEDED;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.passerelle.platform.domain.RuleViolationException;
import io.passerelle.releaseservice.catalog.DeployTarget;
import io.passerelle.releaseservice.catalog.Environment;
import org.jspecify.annotations.Nullable;

/**
 * A release going to one environment. It owns its state machine (see {@link DeploymentState}) and decides alone
 * whether a transition applies: the change decision arrives as a message, which may come late or twice, so it changes
 * nothing (and returns false) once the deployment is past the state it is about; an outcome the target reports that contradicts the current state is a
 * {@link RuleViolationException#conflict conflict}. The environment's approval rule and deploy target are copied
 * when it is planned, so that it is carried out as it was authorized; so is its timeout: once authorized, a deployment
 * that has had no outcome by its {@link #deadline()} {@link #timeOut times out}, and an outcome reported later is a
 * conflict that names the timeout. A deployment its pipeline carries out
 * ({@link Executor#PIPELINE}, behind a gate) has no target: once authorized it is IN_PROGRESS at once (the pipeline
 * is deploying) and nothing is requested from anyone.
 */
public final class Deployment {

    private final UUID id;
    private final UUID releaseId;
    private final String service;
    private final String environment;
    private final String version;
    private final String commitSha;
    private final boolean requiresApproval;
    private final Executor executor;
    private final @Nullable DeployTarget target;
    private final String requestedBy;
    private final @Nullable String runUrl;
    private final Instant plannedAt;
    private final Duration timeout;
    private final @Nullable Rollback rollback;
    private DeploymentState state;
    private @Nullable UUID changeId;
    private @Nullable String reason;
    private @Nullable Instant startedAt;
    private @Nullable Instant finishedAt;
    private @Nullable Instant deadline;
    private final List<DeploymentEvent> events = new ArrayList<>();

    private Deployment(UUID id, UUID releaseId, String service, String environment, String version, String commitSha,
            boolean requiresApproval, Executor executor, @Nullable DeployTarget target, String requestedBy,
            @Nullable String runUrl, Instant plannedAt, Duration timeout, @Nullable Rollback rollback,
            DeploymentState state, @Nullable UUID changeId, @Nullable String reason, @Nullable Instant startedAt,
            @Nullable Instant finishedAt, @Nullable Instant deadline) {
        if ((executor == Executor.TARGET) != (target != null)) {
            throw new IllegalArgumentException("a deployment has a deploy target exactly when its target carries it out");
        }
        this.id = id;
        this.releaseId = releaseId;
        this.service = service;
        this.environment = environment;
        this.version = version;
        this.commitSha = commitSha;
        this.requiresApproval = requiresApproval;
        this.executor = executor;
        this.target = target;
        this.requestedBy = requestedBy;
        this.runUrl = runUrl;
        this.plannedAt = plannedAt;
        this.timeout = timeout;
        this.rollback = rollback;
        this.state = state;
        this.changeId = changeId;
        this.reason = reason;
        this.startedAt = startedAt;
        this.finishedAt = finishedAt;
        this.deadline = deadline;
    }

    /**
     * Plans {@code release} into {@code environment}, to be carried out by the environment's deploy target; it waits
     * for a change requested by the release's {@code requestedBy}. Registers {@link DeploymentPlanned}.
     */
    public static Deployment plan(Release release, Environment environment, Instant at) {
        return planned(release, environment, Executor.TARGET, environment.target(), release.requestedBy(),
                release.runUrl(), null, at);
    }

    /**
     * Plans putting {@code previous} (the release that succeeded in {@code environment} before) back there, undoing
     * {@code rollback.of()}, through the environment's deploy target, on behalf of {@code requestedBy}; it waits for
     * its own change. Registers {@link DeploymentPlanned} of kind ROLLBACK.
     */
    public static Deployment rollBack(Release previous, Environment environment, Rollback rollback,
            String requestedBy, Instant at) {
        return planned(previous, environment, Executor.TARGET, environment.target(), requestedBy, null, rollback, at);
    }

    /**
     * Plans {@code release} into {@code environment}, to be carried out by the pipeline run {@code runUrl} itself
     * (behind a gate); it waits for a change requested by {@code requestedBy}. Registers {@link DeploymentPlanned}.
     */
    public static Deployment planForPipeline(Release release, Environment environment, String requestedBy,
            String runUrl, Instant at) {
        return planned(release, environment, Executor.PIPELINE, null, requestedBy, runUrl, null, at);
    }

    private static Deployment planned(Release release, Environment environment, Executor executor,
            @Nullable DeployTarget target, String requestedBy, @Nullable String runUrl, @Nullable Rollback rollback,
            Instant at) {
        var deployment = new Deployment(UUID.randomUUID(), release.id(), release.service(), environment.name(),
                release.version(), release.commitSha(), environment.requiresApproval(), executor, target, requestedBy,
                runUrl, at, environment.deploymentTimeout(), rollback, PLANNED, null, null, null, null, null);
        deployment.events.add(new DeploymentPlanned(deployment.id, release.id(), release.service(), environment.name(),
                release.version(), release.commitSha(), environment.requiresApproval(), requestedBy, runUrl, at,
                rollback));
        return deployment;
    }

    /** A deployment as stored. */
    public static Deployment restore(UUID id, UUID releaseId, String service, String environment, String version,
            String commitSha, boolean requiresApproval, Executor executor, @Nullable DeployTarget target,
            String requestedBy, @Nullable String runUrl, Instant plannedAt, Duration timeout,
            @Nullable Rollback rollback, DeploymentState state, @Nullable UUID changeId, @Nullable String reason,
            @Nullable Instant startedAt, @Nullable Instant finishedAt, @Nullable Instant deadline) {
        return new Deployment(id, releaseId, service, environment, version, commitSha, requiresApproval, executor,
                target, requestedBy, runUrl, plannedAt, timeout, rollback, state, changeId, reason, startedAt,
                finishedAt, deadline);
    }

    /**
     * change-service raised {@code changeId} for this planned deployment: it is recorded so that the change behind
     * it can be shown before it is decided. False when it changes nothing (known already, or no longer planned).
     */
    public boolean changeRaised(UUID changeId) {
        if (state != PLANNED || changeId.equals(this.changeId)) {
            return false;
        }
        this.changeId = changeId;
        return true;
    }

    /**
     * Its change was authorized: it is IN_PROGRESS at once, and due by {@link #deadline()}. A deploy target's
     * deployment is requested from its executor (registers {@link DeploymentRequested}, with the deadline); a
     * pipeline's is not, since the pipeline deploys it. A deployment no longer planned (a duplicate or late decision)
     * changes nothing and returns false.
     */
    public boolean authorize(UUID changeId, Instant at) {
        if (state != PLANNED) {
            return false;
        }
        this.changeId = changeId;
        this.deadline = at.plus(timeout);
        this.state = IN_PROGRESS;
        this.startedAt = at;
        if (executor == Executor.TARGET) {
            events.add(new DeploymentRequested(id, changeId, service, environment, version, commitSha,
                    DeploymentRequested.Target.of(Objects.requireNonNull(target)), at, deadline));
        }
        return true;
    }

    /**
     * Its change was rejected: it will not happen. A deployment no longer planned changes nothing and returns false.
     */
    public boolean cancel(UUID changeId, String reason, Instant at) {
        if (state != PLANNED) {
            return false;
        }
        this.changeId = changeId;
        this.reason = reason;
        this.state = CANCELLED;
        this.finishedAt = at;
        return true;
    }

    /**
     * No outcome came by the deadline (authorization + the environment's timeout): an underway deployment fails for
     * that reason (registers {@link DeploymentFailed}). False when it is not underway or not overdue yet.
     */
    public boolean timeOut(Instant at) {
        if (!state.isUnderway() || !isOverdue(at)) {
            return false;
        }
        finish(FAILED, timeoutReason(), at);
        return true;
    }

    /** Underway past its deadline: an outcome reported now is too late, the deployment fails on timeout. */
    public boolean isOverdue(Instant at) {
        return state.isUnderway() && deadline != null && !at.isBefore(deadline);
    }

    private String timeoutReason() {
        return "no outcome within " + human(timeout) + " of its authorization at "
                + Objects.requireNonNull(deadline).minus(timeout) + " (the environment's deployment timeout)";
    }

    /** A duration in whole seconds as people write it: 1h, 30m, 45s, 1h30m, 12m5s, 0s. */
    static String human(Duration d) {
        var seconds = d.toSeconds();
        if (seconds == 0) {
            return "0s";
        }
        return (seconds >= 3600 ? seconds / 3600 + "h" : "") + (seconds % 3600 >= 60 ? seconds % 3600 / 60 + "m" : "")
                + (seconds % 60 > 0 ? seconds % 60 + "s" : "");
    }

    /**
     * The target reports success. Registers {@link DeploymentSucceeded}; a repeated report of success changes
     * nothing and returns false.
     */
    public boolean succeed(Instant at) {
        if (state == SUCCEEDED) {
            return false;
        }
        require(state.isUnderway(), "succeed");
        refuseWhenOverdue(at, "success");
        finish(SUCCEEDED, null, at);
        if (rollback != null) {
            events.add(new DeploymentRolledBack(id, rollback.of(), changeId, service, environment, releaseId, version,
                    rollback.reason(), rollback.emergency(), at));
        }
        return true;
    }

    /**
     * The target reports failure (or its executor could not reach it). Registers
     * {@link DeploymentFailed}; a repeated report of failure changes nothing and returns false.
     */
    public boolean fail(String reason, Instant at) {
        if (state == FAILED) {
            return false;
        }
        require(state.isUnderway(), "fail");
        refuseWhenOverdue(at, "failure");
        finish(FAILED, reason, at);
        return true;
    }

    /** A release going forward, or the previous one put back. */
    public enum Kind { DEPLOY, ROLLBACK }

    private void finish(DeploymentState outcome, @Nullable String why, Instant at) {
        this.state = outcome;
        this.reason = why;
        this.finishedAt = at;
        events.add(outcome == SUCCEEDED
                ? new DeploymentSucceeded(id, releaseId, Objects.requireNonNull(changeId), service, environment,
                        version, commitSha, startedAt, at)
                : new DeploymentFailed(id, releaseId, changeId, service, environment, version, commitSha,
                        Objects.requireNonNull(why), startedAt, at));
    }

    /** An outcome reported after the deadline is refused: the deployment fails on timeout (now, or already). */
    private void refuseWhenOverdue(Instant at, String outcome) {
        if (isOverdue(at)) {
            throw RuleViolationException.conflict("deployment " + id + " had " + timeoutReason()
                    + ": it fails on timeout, and the " + outcome + " reported at " + at + " is too late");
        }
    }

    private void require(boolean allowed, String transition) {
        if (!allowed) {
            throw RuleViolationException.conflict("deployment " + id + " is " + state
                    + (state == FAILED && reason != null ? " (" + reason + ")" : "") + " and cannot " + transition);
        }
    }

    /** The events registered since the last call. */
    public List<DeploymentEvent> pullEvents() {
        var pulled = List.copyOf(events);
        events.clear();
        return pulled;
    }

    public UUID id() {
        return id;
    }

    public UUID releaseId() {
        return releaseId;
    }

    public String service() {
        return service;
    }

    public String environment() {
        return environment;
    }

    public String version() {
        return version;
    }

    public String commitSha() {
        return commitSha;
    }

    public boolean requiresApproval() {
        return requiresApproval;
    }

    public Executor executor() {
        return executor;
    }

    /** Where it is sent; none for a deployment its pipeline carries out. */
    public @Nullable DeployTarget target() {
        return target;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public Kind kind() {
        return rollback == null ? Kind.DEPLOY : Kind.ROLLBACK;
    }

    /** What it undoes, when it is a rollback. */
    public @Nullable Rollback rollback() {
        return rollback;
    }

    public @Nullable String runUrl() {
        return runUrl;
    }

    public Instant plannedAt() {
        return plannedAt;
    }

    public DeploymentState state() {
        return state;
    }

    public @Nullable UUID changeId() {
        return changeId;
    }

    public @Nullable String reason() {
        return reason;
    }

    public @Nullable Instant startedAt() {
        return startedAt;
    }

    public @Nullable Instant finishedAt() {
        return finishedAt;
    }

    /** How long it may go without an outcome once authorized (the environment's, copied when planned). */
    public Duration timeout() {
        return timeout;
    }

    /** When it fails unless an outcome came first; set when it is authorized. */
    public @Nullable Instant deadline() {
        return deadline;
    }
}
