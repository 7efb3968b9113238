package io.passerelle.incidentservice.incident;

/**
 * The ITIL priority matrix, impact × urgency:
 * <pre>
 *                urgency HIGH  MEDIUM  LOW
 * impact HIGH            P1    P2      P3
 *        MEDIUM          P2    P3      P4
 *        LOW             P3    P4      P5
 * </pre>
 */
public enum Priority {
    P1, P2, P3, P4, P5;

    private static final Priority[][] MATRIX = {
            { P1, P2, P3 },
            { P2, P3, P4 },
            { P3, P4, P5 } };

    public static Priority of(Level impact, Level urgency) {
        return MATRIX[impact.ordinal()][urgency.ordinal()];
    }
}
