package io.passerelle.incidentservice.suspect;

import java.time.Duration;

/** How durations and ranks read in a suspect's reason and on an incident's timeline. */
public final class Durations {

    private Durations() {
    }

    /** {@code 45 s}, {@code 12 min}, {@code 3 h}, {@code 3 h 5 min} (seconds dropped from a minute on). */
    public static String human(Duration d) {
        long seconds = d.toSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = d.toMinutes();
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = d.toHours();
        long rest = minutes % 60;
        return rest == 0 ? hours + " h" : hours + " h " + rest + " min";
    }

    /** {@code 24h}, {@code 90min}, {@code 45s}: the window as configured. */
    static String compact(Duration d) {
        long seconds = d.toSeconds();
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + "min";
        }
        return seconds + "s";
    }

    static String ordinal(int n) {
        int lastTwo = n % 100;
        if (lastTwo >= 11 && lastTwo <= 13) {
            return n + "th";
        }
        return n + switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }
}
