package io.passerelle.changeservice.risk;

/** How much an environment matters when a change goes wrong in it; MEDIUM where nobody declared it. */
public enum Criticality {
    LOW(0), MEDIUM(1.0 / 3), HIGH(2.0 / 3), CRITICAL(1);

    private final double level;

    Criticality(double level) {
        this.level = level;
    }

    /** The criticality normalised to 0..1, as the risk formula uses it (ADR 0009). */
    public double level() {
        return level;
    }
}
