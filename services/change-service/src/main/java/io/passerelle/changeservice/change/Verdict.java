package io.passerelle.changeservice.change;

/** What a change manager decided about a change. */
public enum Verdict {
    APPROVED, REJECTED
}
