package io.passerelle.changeservice.change;

/** STANDARD is pre-approved and authorized at once; NORMAL and EMERGENCY wait for approval. */
public enum ChangeType {
    STANDARD, NORMAL, EMERGENCY;

    boolean isPreApproved() {
        return this == STANDARD;
    }
}
