package io.passerelle.incidentservice.incident;

import java.util.EnumMap;
import java.util.Map;

/**
 * Priority = impact × urgency. The default is the ITIL matrix:
 * <pre>
 *                urgency HIGH  MEDIUM  LOW
 * impact HIGH            P1    P2      P3
 *        MEDIUM          P2    P3      P4
 *        LOW             P3    P4      P5
 * </pre>
 * Another matrix may be configured; it must give a priority to every pair, and raising impact or urgency must never
 * lower the priority.
 */
public final class PriorityMatrix {

    private final Map<Level, Map<Level, Priority>> cells;

    /**
     * @param cells impact → urgency → priority, all nine pairs
     * @throws IllegalArgumentException when a pair is missing or the matrix is not monotonic, saying which
     */
    public PriorityMatrix(Map<Level, Map<Level, Priority>> cells) {
        var copy = new EnumMap<Level, Map<Level, Priority>>(Level.class);
        for (var impact : Level.values()) {
            var row = cells.get(impact);
            if (row == null) {
                throw new IllegalArgumentException("the priority matrix has no row for impact " + impact);
            }
            for (var urgency : Level.values()) {
                if (row.get(urgency) == null) {
                    throw new IllegalArgumentException(
                            "the priority matrix has no priority for impact " + impact + " and urgency " + urgency);
                }
            }
            copy.put(impact, new EnumMap<>(row));
        }
        this.cells = copy;
        for (var impact : Level.values()) {
            for (var urgency : Level.values()) {
                // Level is declared HIGH, MEDIUM, LOW: the next value is the lower one
                if (impact.ordinal() < Level.values().length - 1) {
                    requireNotLower(impact, urgency, Level.values()[impact.ordinal() + 1], urgency);
                }
                if (urgency.ordinal() < Level.values().length - 1) {
                    requireNotLower(impact, urgency, impact, Level.values()[urgency.ordinal() + 1]);
                }
            }
        }
    }

    private void requireNotLower(Level impact, Level urgency, Level lowerImpact, Level lowerUrgency) {
        var higher = priority(impact, urgency);
        var lower = priority(lowerImpact, lowerUrgency);
        if (higher.compareTo(lower) > 0) {
            throw new IllegalArgumentException("the priority matrix gives impact " + impact + " and urgency " + urgency
                    + " " + higher + ", lower than the " + lower + " of impact " + lowerImpact + " and urgency "
                    + lowerUrgency);
        }
    }

    public static PriorityMatrix itil() {
        return new PriorityMatrix(Map.of(
                Level.HIGH, Map.of(Level.HIGH, Priority.P1, Level.MEDIUM, Priority.P2, Level.LOW, Priority.P3),
                Level.MEDIUM, Map.of(Level.HIGH, Priority.P2, Level.MEDIUM, Priority.P3, Level.LOW, Priority.P4),
                Level.LOW, Map.of(Level.HIGH, Priority.P3, Level.MEDIUM, Priority.P4, Level.LOW, Priority.P5)));
    }

    public Priority priority(Level impact, Level urgency) {
        return cells.get(impact).get(urgency);
    }

    public Rating rate(Level impact, Level urgency) {
        return new Rating(impact, urgency, priority(impact, urgency));
    }
}
