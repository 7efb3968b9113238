package io.passerelle.changeservice.change;

/** How the implementation of a change ended; anything but SUCCESSFUL asks for a post-implementation review. */
public enum ChangeOutcome {
    SUCCESSFUL, FAILED, BACKED_OUT
}
