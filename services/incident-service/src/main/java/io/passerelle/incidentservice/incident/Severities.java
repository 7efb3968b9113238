package io.passerelle.incidentservice.incident;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * An alert's {@code severity} label read as impact and urgency. By default {@code critical} is HIGH/HIGH (P1 in the
 * ITIL matrix), {@code high} HIGH/MEDIUM (P2), {@code warning} MEDIUM/MEDIUM (P3), {@code info} LOW/LOW (P5); a
 * missing label, or one not listed, reads as the fallback label ({@code warning}). Labels compare without case and
 * surrounding spaces.
 */
public final class Severities {

    /** The impact and urgency a severity label stands for. */
    public record Levels(Level impact, Level urgency) {

        public Levels {
            if (impact == null || urgency == null) {
                throw new IllegalArgumentException("a severity needs both an impact and an urgency");
            }
        }
    }

    /** critical HIGH/HIGH, high HIGH/MEDIUM, warning MEDIUM/MEDIUM, info LOW/LOW. */
    public static final Map<String, Levels> DEFAULT_LEVELS = Map.of(
            "critical", new Levels(Level.HIGH, Level.HIGH),
            "high", new Levels(Level.HIGH, Level.MEDIUM),
            "warning", new Levels(Level.MEDIUM, Level.MEDIUM),
            "info", new Levels(Level.LOW, Level.LOW));

    private final Map<String, Levels> byLabel;
    private final String fallback;

    /**
     * @throws IllegalArgumentException when there is no label, a label is blank, or the fallback is not one of them
     */
    public Severities(Map<String, Levels> byLabel, String fallback) {
        if (byLabel.isEmpty()) {
            throw new IllegalArgumentException("at least one alert severity must be configured");
        }
        var normalized = new TreeMap<String, Levels>();
        byLabel.forEach((label, levels) -> {
            if (label.isBlank()) {
                throw new IllegalArgumentException("an alert severity label is blank");
            }
            if (normalized.put(normalize(label), levels) != null) {
                throw new IllegalArgumentException("the alert severity " + normalize(label) + " is configured twice");
            }
        });
        if (!normalized.containsKey(normalize(fallback))) {
            throw new IllegalArgumentException("the default alert severity " + fallback
                    + " is not one of the configured severities " + normalized.keySet());
        }
        this.byLabel = Map.copyOf(normalized);
        this.fallback = normalize(fallback);
    }

    public static Severities defaults() {
        return new Severities(DEFAULT_LEVELS, "warning");
    }

    public Levels of(@Nullable String label) {
        var levels = label == null ? null : byLabel.get(normalize(label));
        return levels != null ? levels : byLabel.get(fallback);
    }

    private static String normalize(String label) {
        return label.strip().toLowerCase(Locale.ROOT);
    }
}
