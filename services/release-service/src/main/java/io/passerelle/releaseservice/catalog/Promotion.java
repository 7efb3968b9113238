package io.passerelle.releaseservice.catalog;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * How a release reaches an environment once it succeeded in the one before: AUTOMATIC at once; SOAK once it has run
 * there for {@code soak} without a new incident on that environment; MANUAL when a release manager promotes it. The
 * first environment of a service receives every release automatically.
 */
public record Promotion(Mode mode, @Nullable Duration soak) {

    public static final Promotion AUTOMATIC = new Promotion(Mode.AUTOMATIC, null);
    static final Duration LONGEST_SOAK = Duration.ofDays(14);

    public enum Mode { AUTOMATIC, SOAK, MANUAL }

    public Promotion {
        if ((mode == Mode.SOAK) != (soak != null)) {
            throw new IllegalArgumentException("a soak time is given exactly when promotion is 'soak'");
        }
        if (soak != null && (!soak.isPositive() || soak.compareTo(LONGEST_SOAK) > 0)) {
            throw new IllegalArgumentException("soak time must be positive and at most " + LONGEST_SOAK.toDays()
                    + " days, not " + soak);
        }
    }

    public static Promotion soak(Duration soak) {
        return new Promotion(Mode.SOAK, soak);
    }

    public static Promotion manual() {
        return new Promotion(Mode.MANUAL, null);
    }
}
