package io.passerelle.e2e.faults;

import java.time.Duration;
import java.util.Locale;

/**
 * How big a fault run is. {@code passerelle.faults} (system property, or the environment variable PASSERELLE_FAULTS)
 * picks a size: {@code off} (the default in {@code make test}: see docs/reliability.md, "Known finding"), {@code short}
 * (100 pipelines across 4 services, each service killed once, the broker's
 * connections closed and the database's backends terminated once, over 60 s), {@code full} (1 000 pipelines across
 * 20 services, every fault twice, over 240 s). {@code passerelle.faults.<name>} overrides one figure:
 * {@code pipelines}, {@code services}, {@code rounds} (how many times each fault is injected), {@code burst} and
 * {@code settle} (seconds), {@code failing} (the share of calls the deploy targets answer with 500), {@code seed}.
 *
 * @param burst how long the pipelines are spread over; the faults are spread over the same time
 * @param settle how long after the last fault every deployment must have settled
 * @param seed draws which deploy calls fail and names the commits
 */
record FaultRun(String size, int pipelines, int services, int rounds, Duration burst, Duration settle,
        double failing, long seed) {

    static final String SWITCH = "passerelle.faults";

    static FaultRun fromSettings() {
        var size = setting(SWITCH, "off").toLowerCase(Locale.ROOT);
        var base = switch (size) {
            case "short", "off" -> new FaultRun(size, 100, 4, 1, Duration.ofSeconds(60), Duration.ofSeconds(180), 0.5, 0);
            case "full" -> new FaultRun(size, 1000, 20, 2, Duration.ofSeconds(240), Duration.ofSeconds(180), 0.5, 0);
            default -> throw new IllegalArgumentException(SWITCH + " is short, full or off, not " + size);
        };
        return new FaultRun(size,
                Integer.parseInt(setting(SWITCH + ".pipelines", String.valueOf(base.pipelines))),
                Integer.parseInt(setting(SWITCH + ".services", String.valueOf(base.services))),
                Integer.parseInt(setting(SWITCH + ".rounds", String.valueOf(base.rounds))),
                Duration.ofSeconds(Long.parseLong(setting(SWITCH + ".burst", String.valueOf(base.burst.toSeconds())))),
                Duration.ofSeconds(Long.parseLong(setting(SWITCH + ".settle", String.valueOf(base.settle.toSeconds())))),
                Double.parseDouble(setting(SWITCH + ".failing", String.valueOf(base.failing))),
                Long.parseLong(setting(SWITCH + ".seed", String.valueOf(System.nanoTime() & 0xFFFF_FFFFL))));
    }

    boolean off() {
        return size.equals("off");
    }

    /** The options that repeat this run. */
    String replay() {
        return String.format(Locale.ROOT, "-D%s=%s -D%s.pipelines=%d -D%s.services=%d -D%s.rounds=%d -D%s.burst=%d"
                + " -D%s.failing=%s -D%s.seed=%d", SWITCH, size, SWITCH, pipelines, SWITCH, services, SWITCH, rounds,
                SWITCH, burst.toSeconds(), SWITCH, failing, SWITCH, seed);
    }

    /** A system property, else the environment variable of the same name in capitals with underscores. */
    private static String setting(String property, String fallback) {
        var value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(property.toUpperCase(Locale.ROOT).replace('.', '_'));
        }
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
