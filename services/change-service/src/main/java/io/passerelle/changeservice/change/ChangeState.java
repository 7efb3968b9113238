package io.passerelle.changeservice.change;

/** PENDING_APPROVAL → AUTHORIZED → CLOSED | FAILED, or PENDING_APPROVAL → REJECTED. */
public enum ChangeState {
    PENDING_APPROVAL, AUTHORIZED, REJECTED, CLOSED, FAILED
}
