package io.passerelle.releaseservice.deployment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.passerelle.platform.event.DomainEvent;
import org.jspecify.annotations.Nullable;

/**
 * What release-service decided when an incident asked for the rollback of a deployment: the rollback it planned, or
 * why it declined one ({@link RollbackDeclined}). Decided once per incident and deployment, whoever asked first.
 */
public final class IncidentRollback {

    /** What asked: a human confirmed the deployment as the incident's cause, or a P1 opened under the policy. */
    public enum AskedBy { CAUSE_CONFIRMED, P1_POLICY }

    private final UUID incidentId;
    private final UUID deploymentId;
    private final String service;
    private final String environment;
    private final AskedBy askedBy;
    private final @Nullable UUID rollbackId;
    private final @Nullable String declinedReason;
    private final Instant decidedAt;
    private final List<DomainEvent> events = new ArrayList<>();

    private IncidentRollback(UUID incidentId, UUID deploymentId, String service, String environment, AskedBy askedBy,
            @Nullable UUID rollbackId, @Nullable String declinedReason, Instant decidedAt) {
        if ((rollbackId == null) == (declinedReason == null)) {
            throw new IllegalArgumentException("an incident's rollback is planned or declined, not both or neither");
        }
        this.incidentId = incidentId;
        this.deploymentId = deploymentId;
        this.service = service;
        this.environment = environment;
        this.askedBy = askedBy;
        this.rollbackId = rollbackId;
        this.declinedReason = declinedReason;
        this.decidedAt = decidedAt;
    }

    /** The rollback was planned: {@code deployment.planned.v1} of the rollback tells the others. */
    static IncidentRollback planned(UUID incidentId, AskedBy askedBy, Deployment rollback) {
        var of = rollback.rollback();
        if (of == null) {
            throw new IllegalArgumentException("deployment " + rollback.id() + " is not a rollback");
        }
        return new IncidentRollback(incidentId, of.of(), rollback.service(), rollback.environment(), askedBy,
                rollback.id(), null, rollback.plannedAt());
    }

    /** No rollback: registers {@link RollbackDeclined} with the reason. */
    static IncidentRollback declined(UUID incidentId, UUID deploymentId, String service, String environment,
            AskedBy askedBy, String reason, Instant at) {
        var declined = new IncidentRollback(incidentId, deploymentId, service, environment, askedBy, null, reason,
                at);
        declined.events.add(new RollbackDeclined(incidentId, deploymentId, service, environment, reason, at));
        return declined;
    }

    /** The events registered since the last call. */
    public List<DomainEvent> pullEvents() {
        var pulled = List.copyOf(events);
        events.clear();
        return pulled;
    }

    public UUID incidentId() {
        return incidentId;
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

    public AskedBy askedBy() {
        return askedBy;
    }

    /** The rollback deployment planned, if one was. */
    public @Nullable UUID rollbackId() {
        return rollbackId;
    }

    /** Why none was planned, if none was. */
    public @Nullable String declinedReason() {
        return declinedReason;
    }

    public Instant decidedAt() {
        return decidedAt;
    }
}
