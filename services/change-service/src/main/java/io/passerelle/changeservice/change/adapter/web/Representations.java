package io.passerelle.change.change.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.passerelle.change.api.model.AuditEntry;
import io.passerelle.change.api.model.Change;
import io.passerelle.change.api.model.ChangeDetail;
import io.passerelle.change.api.model.ChangeState;
import io.passerelle.change.api.model.ChangeType;
import io.passerelle.change.api.model.Decision;
import io.passerelle.change.api.model.Verdict;
import io.passerelle.change.change.ChangeRequest;
import org.jspecify.annotations.Nullable;

/** Maps change requests to the generated models of the HTTP contract, at the edge. */
final class Representations {

    private Representations() {
    }

    static Change change(ChangeRequest c) {
        return new Change(c.id(), ChangeType.fromValue(c.type().name()), state(c.state()), c.service(),
                c.environment(), c.proposal().title(), c.requestedBy(),
                c.decisions().stream().map(Representations::decision).toList(), time(c.raisedAt()))
                .description(c.proposal().description())
                .releaseId(c.proposal().releaseId())
                .deploymentId(c.deploymentId())
                .authorizedAt(timeOrNull(c.authorizedAt()))
                .authorizedBy(c.authorizedBy())
                .closedAt(timeOrNull(c.closedAt()))
                .failureReason(c.failureReason());
    }

    static ChangeDetail detail(ChangeRequest c) {
        return new ChangeDetail(c.id(), ChangeType.fromValue(c.type().name()), state(c.state()), c.service(),
                c.environment(), c.proposal().title(), c.requestedBy(),
                c.decisions().stream().map(Representations::decision).toList(), time(c.raisedAt()),
                c.auditTrail().stream().map(Representations::audit).toList())
                .description(c.proposal().description())
                .releaseId(c.proposal().releaseId())
                .deploymentId(c.deploymentId())
                .authorizedAt(timeOrNull(c.authorizedAt()))
                .authorizedBy(c.authorizedBy())
                .closedAt(timeOrNull(c.closedAt()))
                .failureReason(c.failureReason());
    }

    static io.passerelle.change.change.ChangeType toDomain(ChangeType type) {
        return io.passerelle.change.change.ChangeType.valueOf(type.getValue());
    }

    static io.passerelle.change.change.@Nullable ChangeState toDomain(@Nullable ChangeState state) {
        return state == null ? null : io.passerelle.change.change.ChangeState.valueOf(state.getValue());
    }

    private static ChangeState state(io.passerelle.change.change.ChangeState state) {
        return ChangeState.fromValue(state.name());
    }

    private static Decision decision(io.passerelle.change.change.Decision d) {
        return new Decision(d.by(), Verdict.fromValue(d.verdict().name()), time(d.at())).comment(d.comment());
    }

    private static AuditEntry audit(io.passerelle.change.change.AuditEntry a) {
        return new AuditEntry(time(a.at()), a.by(), AuditEntry.ActionEnum.fromValue(a.action().name()),
                state(a.state())).detail(a.detail());
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable OffsetDateTime timeOrNull(@Nullable Instant instant) {
        return instant == null ? null : time(instant);
    }
}
