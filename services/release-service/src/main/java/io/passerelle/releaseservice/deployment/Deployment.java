package io.passerelle.releaseservice.deployment;

import static io.passerelle.releaseservice.deployment.DeploymentState.CANCELLED;
import static io.passerelle.releaseservice.deployment.DeploymentState.FAILED;
import static io.passerelle.releaseservice.deployment.DeploymentState.IN_PROGRESS;
import static io.passerelle.releaseservice.deployment.DeploymentState.PLANNED;
import static io.passerelle.releaseservice.deployment.DeploymentState.REQUESTED;
import static io.passerelle.releaseservice.deployment.DeploymentState.SUCCEEDED;

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
 * whether a transition applies: the change decision and the dispatch reports arrive as messages, which may come
 * late, twice or after the outcome, so they change nothing (and return false) once the deployment is past the
 * state they are about; an outcome the target reports that contradicts the current state is a
 * {@link RuleViolationException#conflict conflict}. The environment's approval rule and deploy target are copied
 * when it is planned, so that it is carried out as it was authorized.
 */
public final class Deployment {

    private final UUID id;
    private final UUID releaseId;
    private final String service;
    private final String environment;
    private final String version;
    private final String commitSha;
    private final boolean requiresApproval;
    private final DeployTarget target;
    private final String requestedBy;
    private final @Nullable String runUrl;
    private final Instant plannedAt;
    private DeploymentState state;
    private @Nullable UUID changeId;
    private @Nullable String reason;
    private @Nullable Instant startedAt;
    private @Nullable Instant finishedAt;
    private final List<DeploymentEvent> events = new ArrayList<>();

    private Deployment(UUID id, UUID releaseId, String service, String environment, String version, String commitSha,
            boolean requiresApproval, DeployTarget target, String requestedBy, @Nullable String runUrl,
            Instant plannedAt, DeploymentState state, @Nullable UUID changeId, @Nullable String reason,
            @Nullable Instant startedAt, @Nullable Instant finishedAt) {
        this.id = id;
        this.releaseId = releaseId;
        this.service = service;
        this.environment = environment;
        this.version = version;
        this.commitSha = commitSha;
        this.requiresApproval = requiresApproval;
        this.target = target;
        this.requestedBy = requestedBy;
        this.runUrl = runUrl;
        this.plannedAt = plannedAt;
        this.state = state;
        this.changeId = changeId;
        this.reason = reason;
        this.startedAt = startedAt;
        this.finishedAt = finishedAt;
    }

    /** Plans {@code release} into {@code environment}; it waits for a change. Registers {@link DeploymentPlanned}. */
    public static Deployment plan(Release release, Environment environment, Instant at) {
        var deployment = new Deployment(UUID.randomUUID(), release.id(), release.service(), environment.name(),
                release.version(), release.commitSha(), environment.requiresApproval(), environment.target(),
                release.requestedBy(), release.runUrl(), at, PLANNED, null, null, null, null);
        deployment.events.add(new DeploymentPlanned(deployment.id, release.id(), release.service(), environment.name(),
                release.version(), release.commitSha(), environment.requiresApproval(), release.requestedBy(),
                release.runUrl(), at));
        return deployment;
    }

    /** A deployment as stored. */
    public static Deployment restore(UUID id, UUID releaseId, String service, String environment, String version,
            String commitSha, boolean requiresApproval, DeployTarget target, String requestedBy,
            @Nullable String runUrl, Instant plannedAt, DeploymentState state, @Nullable UUID changeId,
            @Nullable String reason, @Nullable Instant startedAt, @Nullable Instant finishedAt) {
        return new Deployment(id, releaseId, service, environment, version, commitSha, requiresApproval, target,
                requestedBy, runUrl, plannedAt, state, changeId, reason, startedAt, finishedAt);
    }

    /**
     * Its change was authorized: the deploy target is asked to deploy. Registers {@link DeploymentRequested}; a
     * deployment no longer planned (a duplicate or late decision) changes nothing and returns false.
     */
    public boolean authorize(UUID changeId, Instant at) {
        if (state != PLANNED) {
            return false;
        }
        this.changeId = changeId;
        this.state = REQUESTED;
        events.add(new DeploymentRequested(id, changeId, service, environment, version, commitSha, target, at));
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
     * The deploy target accepted the request. A deployment no longer requested (its outcome came first, or a
     * duplicate report) changes nothing and returns false.
     */
    public boolean start(Instant at) {
        if (state != REQUESTED) {
            return false;
        }
        this.state = IN_PROGRESS;
        this.startedAt = at;
        return true;
    }

    /**
     * The deploy target could not be reached or refused the request: an underway deployment {@link #fail fails};
     * one that is not underway (its outcome came first) changes nothing and returns false.
     */
    public boolean dispatchFailed(String reason, Instant at) {
        return state.isUnderway() && fail(reason, at);
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
        this.state = SUCCEEDED;
        this.finishedAt = at;
        events.add(new DeploymentSucceeded(id, releaseId, Objects.requireNonNull(changeId), service, environment,
                version, commitSha, startedAt, at));
        return true;
    }

    /**
     * The target reports failure (or, through {@link #dispatchFailed}, could not be reached). Registers
     * {@link DeploymentFailed}; a repeated report of failure changes nothing and returns false.
     */
    public boolean fail(String reason, Instant at) {
        if (state == FAILED) {
            return false;
        }
        require(state.isUnderway(), "fail");
        this.state = FAILED;
        this.reason = reason;
        this.finishedAt = at;
        events.add(new DeploymentFailed(id, releaseId, changeId, service, environment, version, commitSha, reason,
                startedAt, at));
        return true;
    }

    private void require(boolean allowed, String transition) {
        if (!allowed) {
            throw RuleViolationException.conflict("deployment " + id + " is " + state + " and cannot " + transition);
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

    public DeployTarget target() {
        return target;
    }

    public String requestedBy() {
        return requestedBy;
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
}
