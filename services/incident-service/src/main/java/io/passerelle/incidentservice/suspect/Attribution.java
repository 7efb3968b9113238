package io.passerelle.incidentservice.suspect;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import io.passerelle.incidentservice.deployment.FinishedDeployment;
import io.passerelle.incidentservice.deployment.Outcome;

/**
 * The attribution rule, a pure function. Candidates are the deployments of the incident's service to the
 * incident's environment that finished within the window before the incident started
 * ({@code startedAt - window <= finishedAt <= startedAt}; later deployments cannot have caused it), newest first.
 * Each scores {@code recency = 1 - age / window}, rounded to 3 decimals, whatever its outcome: a failed deployment
 * may have left part of its change in place, so it is as suspect as a successful one; its reason says it failed.
 */
public final class Attribution {

    private static final Comparator<FinishedDeployment> NEWEST_FIRST = Comparator
            .comparing(FinishedDeployment::finishedAt).reversed()
            .thenComparing(FinishedDeployment::deploymentId);

    private final Duration window;

    public Attribution(Duration window) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the attribution window must be positive, not " + window);
        }
        this.window = window;
    }

    /** The earliest finish a suspect of an incident that started at {@code startedAt} may have. */
    public Instant windowStart(Instant startedAt) {
        return startedAt.minus(window);
    }

    public List<Suspect> suspects(String service, String environment, Instant startedAt,
            Collection<FinishedDeployment> deployments) {
        var from = windowStart(startedAt);
        var candidates = deployments.stream()
                .filter(d -> d.service().equals(service) && d.environment().equals(environment))
                .filter(d -> !d.finishedAt().isBefore(from) && !d.finishedAt().isAfter(startedAt))
                .sorted(NEWEST_FIRST)
                .toList();
        var scored = new ArrayList<Scored>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            var deployment = candidates.get(i);
            var age = Duration.between(deployment.finishedAt(), startedAt);
            scored.add(new Scored(deployment, score(age), reason(deployment, age, i, candidates.size())));
        }
        var suspects = new ArrayList<Suspect>(scored.size());
        for (int i = 0; i < scored.size(); i++) {
            var s = scored.get(i);
            var d = s.deployment();
            suspects.add(new Suspect(i + 1, d.deploymentId(), d.version(), d.commitSha(), d.changeId(), d.outcome(),
                    d.finishedAt(), s.score(), s.reason()));
        }
        return List.copyOf(suspects);
    }

    double score(Duration age) {
        double recency = 1.0 - (double) age.toNanos() / window.toNanos();
        return BigDecimal.valueOf(Math.clamp(recency, 0.0, 1.0)).setScale(3, RoundingMode.HALF_UP).doubleValue();
    }

    private String reason(FinishedDeployment d, Duration age, int newestIndex, int count) {
        var text = new StringBuilder()
                .append(d.service()).append(' ').append(d.version())
                .append(" (commit ").append(d.shortCommit()).append(") ")
                .append(d.outcome() == Outcome.SUCCEEDED ? "succeeded" : "failed")
                .append(" in ").append(d.environment()).append(' ')
                .append(Durations.human(age)).append(" before the incident started; ")
                .append(position(newestIndex, count)).append(" in the ").append(Durations.compact(window))
                .append(" window");
        if (d.outcome() == Outcome.FAILED) {
            text.append("; it failed, and may have left part of its change in place");
        }
        return text.toString();
    }

    private static String position(int newestIndex, int count) {
        if (count == 1) {
            return "the only deployment";
        }
        if (newestIndex == 0) {
            return "newest of " + count + " deployments";
        }
        if (newestIndex == count - 1) {
            return "oldest of " + count + " deployments";
        }
        return Durations.ordinal(newestIndex + 1) + " newest of " + count + " deployments";
    }

    private record Scored(FinishedDeployment deployment, double score, String reason) {
    }
}
