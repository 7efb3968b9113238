package io.passerelle.releaseservice.gate;

/** How the pipeline's deployment went, as it reported on the gate. */
public enum GateOutcome {
    SUCCEEDED, FAILED
}
