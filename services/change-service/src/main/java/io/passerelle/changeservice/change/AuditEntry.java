package io.passerelle.changeservice.change;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/** One line of a change's audit trail: who did what, when, and the state it left the change in. */
public record AuditEntry(Instant at, String by, Action action, ChangeState state, @Nullable String detail) {

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(state, "state");
    }

    /**
     * RAISED, ASSESSED and SUBMITTED (for approval) or AUTHORIZED start every change; APPROVED and REJECTED are
     * decisions; HELD (by freeze windows) and RELEASED (they ended) keep an authorized change waiting, PASSED_FREEZE
     * says an emergency change went through them; STARTED begins the implementation; CLOSED (successful), FAILED or
     * BACKED_OUT end it; REVIEWED closes a change whose implementation did not succeed; CANCELLED withdraws one not
     * implementing yet; CAUSED_INCIDENT says a person confirmed that its deployment caused an incident.
     */
    public enum Action {
        RAISED, ASSESSED, SUBMITTED, AUTHORIZED, APPROVED, REJECTED, HELD, RELEASED, PASSED_FREEZE, STARTED, CLOSED,
        FAILED, BACKED_OUT, REVIEWED, CANCELLED, CAUSED_INCIDENT
    }
}
