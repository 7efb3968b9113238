package io.passerelle.incidentservice.suspect;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.passerelle.incidentservice.change.ChangeType;
import io.passerelle.incidentservice.change.RaisedChange;
import io.passerelle.incidentservice.deployment.FinishedDeployment;
import io.passerelle.incidentservice.deployment.Outcome;
import org.jspecify.annotations.Nullable;

/**
 * The attribution rule, a pure function (ADR 0004). Candidates are the deployments of the incident's service to the
 * incident's environment that were under way or in place during the window before the incident started: they began
 * at or before its start (their {@code startedAt}, or their {@code finishedAt} when the event did not say) and
 * finished at or after {@code startedAt - window}. A deployment that began after the incident started cannot have
 * caused it.
 * <p>
 * Each scores, in [0, 1], 0.7 × recency ({@code 1 - age / window}, 3 decimals, with {@code age} the
 * time from its end to the incident's start, 0 for one still under way) plus 0.1 for each factor that
 * holds: it failed (it may have left part of its change in place), it is the only deployment in the window, its
 * change was NORMAL with a risk score of at least the configured {@code highRisk}. Highest score first; equal scores
 * newest first, then by deployment id. The reason says what was deployed, when, its place in the window and every
 * term of the score.
 */
public final class Attribution {

    /** The weight of recency in the score. */
    static final BigDecimal RECENCY = new BigDecimal("0.7");
    /** What each factor that holds adds to the score; recency and the three factors sum to 1. */
    static final BigDecimal FACTOR = new BigDecimal("0.1");

    private static final Comparator<FinishedDeployment> NEWEST_FIRST = Comparator
            .comparing(FinishedDeployment::finishedAt).reversed()
            .thenComparing(FinishedDeployment::deploymentId);

    private final Duration window;
    private final int highRisk;

    /**
     * @param window how long before an incident's start a deployment that ended is still a candidate
     * @param highRisk the risk score (0–100) from which a NORMAL change counts as high risk
     */
    public Attribution(Duration window, int highRisk) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the attribution window must be positive, not " + window);
        }
        if (highRisk < 0 || highRisk > 100) {
            throw new IllegalArgumentException("a high risk is a score 0-100, not " + highRisk);
        }
        this.window = window;
        this.highRisk = highRisk;
    }

    /** The earliest end a suspect of an incident that started at {@code startedAt} may have. */
    public Instant windowStart(Instant startedAt) {
        return startedAt.minus(window);
    }

    /** The latest start of an incident that {@code deployment} may be a suspect of (its earliest is its beginning). */
    public Instant latestIncidentStart(FinishedDeployment deployment) {
        return deployment.finishedAt().plus(window);
    }

    /**
     * The suspects of an incident of {@code service} in {@code environment} that started at {@code startedAt},
     * among {@code deployments}, with the changes known of them ({@code changes}, by change id; a deployment whose
     * change is unknown has no change factor).
     */
    public List<Suspect> suspects(String service, String environment, Instant startedAt,
            Collection<FinishedDeployment> deployments, Map<UUID, RaisedChange> changes) {
        var from = windowStart(startedAt);
        var candidates = deployments.stream()
                .filter(d -> d.service().equals(service) && d.environment().equals(environment))
                .filter(d -> !d.began().isAfter(startedAt) && !d.finishedAt().isBefore(from))
                .sorted(NEWEST_FIRST)
                .toList();
        var scored = new ArrayList<Scored>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            var deployment = candidates.get(i);
            var change = deployment.changeId() == null ? null : changes.get(deployment.changeId());
            scored.add(score(deployment, change, startedAt, i, candidates.size()));
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparing(Scored::deployment, NEWEST_FIRST));
        var suspects = new ArrayList<Suspect>(scored.size());
        for (int i = 0; i < scored.size(); i++) {
            var s = scored.get(i);
            var d = s.deployment();
            suspects.add(new Suspect(i + 1, d.deploymentId(), d.version(), d.commitSha(), d.changeId(), d.outcome(),
                    d.finishedAt(), s.score(), s.reason(), null, d.madeBy()));
        }
        return List.copyOf(suspects);
    }

    private Scored score(FinishedDeployment d, @Nullable RaisedChange change, Instant startedAt, int newestIndex,
            int count) {
        var age = d.finishedAt().isAfter(startedAt) ? Duration.ZERO : Duration.between(d.finishedAt(), startedAt);
        var recency = recency(age);
        var terms = new StringBuilder();
        var score = RECENCY.multiply(recency);
        if (d.outcome() == Outcome.FAILED) {
            score = score.add(FACTOR);
            terms.append(" + ").append(FACTOR).append(" it failed (it may have left part of its change in place)");
        }
        if (count == 1) {
            score = score.add(FACTOR);
            terms.append(" + ").append(FACTOR).append(" the only deployment in the window");
        }
        if (change != null && change.type() == ChangeType.NORMAL && change.riskScore() != null
                && change.riskScore() >= highRisk) {
            score = score.add(FACTOR);
            terms.append(" + ").append(FACTOR).append(" a NORMAL change of high risk (")
                    .append(change.riskScore()).append(" ≥ ").append(highRisk).append(')');
        }
        var rounded = score.setScale(3, RoundingMode.HALF_UP);
        var reason = new StringBuilder()
                .append(what(d, startedAt)).append("; ")
                .append(position(newestIndex, count)).append(" in the ").append(Durations.compact(window))
                .append(" window; score ").append(rounded.toPlainString()).append(" = ").append(RECENCY)
                .append(" × recency ").append(recency.toPlainString()).append(terms);
        return new Scored(d, rounded.doubleValue(), reason.toString());
    }

    /**
     * {@code 1 - age / window} in [0, 1], rounded to 3 decimals (half up) before it is weighed, so that the terms
     * the reason shows add up to the score exactly.
     */
    BigDecimal recency(Duration age) {
        return BigDecimal.valueOf(Math.clamp(1.0 - (double) age.toNanos() / window.toNanos(), 0.0, 1.0))
                .setScale(3, RoundingMode.HALF_UP);
    }

    private static String what(FinishedDeployment d, Instant startedAt) {
        var text = new StringBuilder().append(d.service()).append(' ').append(d.version())
                .append(" (commit ").append(d.shortCommit()).append(") ");
        if (d.madeBy() != null) {
            text.append("deployed by ").append(d.madeBy()).append(" outside change control ");
        }
        var outcome = d.outcome() == Outcome.SUCCEEDED ? "succeeded" : "failed";
        if (d.finishedAt().isAfter(startedAt)) {
            return text.append("was being deployed to ").append(d.environment())
                    .append(" when the incident started: it began ")
                    .append(Durations.human(Duration.between(d.began(), startedAt))).append(" before and ")
                    .append(outcome).append(' ')
                    .append(Durations.human(Duration.between(startedAt, d.finishedAt()))).append(" after")
                    .toString();
        }
        return text.append(outcome).append(" in ").append(d.environment()).append(' ')
                .append(Durations.human(Duration.between(d.finishedAt(), startedAt)))
                .append(" before the incident started").toString();
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
