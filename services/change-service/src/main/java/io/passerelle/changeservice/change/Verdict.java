package io.passerelle.change.change;

/** What a change manager decided about a change. */
public enum Verdict {
    APPROVED, REJECTED
}
