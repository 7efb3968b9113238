package io.passerelle.incidentservice.incident;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * An alert's {@code severity} label, read as impact and urgency: {@code critical} is HIGH/HIGH (P1), {@code info}
 * LOW/LOW (P5), and {@code warning}, a missing label or any label we do not know MEDIUM/MEDIUM (P3).
 */
public enum Severity {
    CRITICAL(Level.HIGH, Level.HIGH),
    WARNING(Level.MEDIUM, Level.MEDIUM),
    INFO(Level.LOW, Level.LOW);

    private final Level impact;
    private final Level urgency;

    Severity(Level impact, Level urgency) {
        this.impact = impact;
        this.urgency = urgency;
    }

    public static Severity ofLabel(@Nullable String label) {
        if (label == null) {
            return WARNING;
        }
        return switch (label.strip().toLowerCase(Locale.ROOT)) {
            case "critical" -> CRITICAL;
            case "info" -> INFO;
            default -> WARNING;
        };
    }

    public Level impact() {
        return impact;
    }

    public Level urgency() {
        return urgency;
    }
}
