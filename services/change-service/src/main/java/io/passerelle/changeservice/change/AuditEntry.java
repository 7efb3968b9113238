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

    public enum Action {
        RAISED, AUTHORIZED, APPROVED, REJECTED, CLOSED, FAILED
    }
}
