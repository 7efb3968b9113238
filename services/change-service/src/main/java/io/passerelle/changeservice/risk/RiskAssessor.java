package io.passerelle.changeservice.risk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.passerelle.changeservice.risk.port.ChangeHistory;
import io.passerelle.changeservice.risk.port.EnvironmentProfiles;
import io.passerelle.changeservice.risk.port.Incidents;

/**
 * Assesses the risk of a change to a service in an environment, live, from the service's own history, the incidents
 * open on it and the environment's profile. The formula is ADR 0009: six factors, each measured and normalised to
 * 0..1 ({@code value}, 3 decimals), weighted so that the weights sum to 100; each contributes {@code weight × value}
 * (2 decimals) and the score is the sum of the contributions, rounded half up: 0 to 100.
 */
public class RiskAssessor {

    public static final String CHANGE_FAILURE_RATE = "change-failure-rate";
    public static final String RECENT_FAILURES = "recent-failures";
    public static final String OPEN_INCIDENTS = "open-incidents";
    public static final String CRITICALITY = "environment-criticality";
    public static final String OUTSIDE_BUSINESS_HOURS = "outside-business-hours";
    public static final String TIME_SINCE_LAST_SUCCESS = "time-since-last-success";

    static final int CHANGE_FAILURE_RATE_WEIGHT = 20;
    static final int RECENT_FAILURES_WEIGHT = 20;
    static final int OPEN_INCIDENTS_WEIGHT = 25;
    static final int CRITICALITY_WEIGHT = 15;
    static final int OUTSIDE_BUSINESS_HOURS_WEIGHT = 10;
    static final int TIME_SINCE_LAST_SUCCESS_WEIGHT = 10;

    /** The change failure rate is measured over this window; at this rate or above its factor saturates. */
    static final Duration FAILURE_RATE_WINDOW = Duration.ofDays(30);
    static final double FAILURE_RATE_SATURATION = 0.40;
    /** Failed changes are counted over this window; this many saturate. */
    static final Duration RECENT_FAILURES_WINDOW = Duration.ofDays(7);
    static final int RECENT_FAILURES_SATURATION = 3;
    /** An open P1 counts 1, an open P2 this much; the factor saturates at 1. */
    static final double P2_SHARE = 0.5;
    /** Days since the last successful change at which (and beyond which) staleness saturates. */
    static final int STALENESS_SATURATION_DAYS = 90;

    private final ChangeHistory history;
    private final Incidents incidents;
    private final EnvironmentProfiles profiles;
    private final Clock clock;

    public RiskAssessor(ChangeHistory history, Incidents incidents, EnvironmentProfiles profiles, Clock clock) {
        this.history = history;
        this.incidents = incidents;
        this.profiles = profiles;
        this.clock = clock;
    }

    /** The risk of a change to the service in the environment now. */
    public RiskAssessment assess(String service, String environment) {
        return assess(service, environment, clock.instant());
    }

    /**
     * The risk of a change to the service in the environment at an instant: history up to that instant, the incidents
     * open now (the projection keeps no past), the environment's profile as declared now.
     */
    public RiskAssessment assess(String service, String environment, Instant at) {
        var profile = profiles.of(environment);
        return score(List.of(
                failureRate(service, history.endedBetween(service, at.minus(FAILURE_RATE_WINDOW), at)),
                recentFailures(service, history.endedBetween(service, at.minus(RECENT_FAILURES_WINDOW), at).failed()),
                openIncidents(service, environment, incidents.openOn(service, environment)),
                criticality(profile),
                outsideBusinessHours(profile, at),
                timeSinceLastSuccess(service, environment, history.lastSuccess(service, environment, at), at)),
                at);
    }

    /** The sum of the contributions as shown, rounded half up and kept within 0..100. */
    static RiskAssessment score(List<RiskFactor> factors, Instant at) {
        var sum = factors.stream().map(f -> BigDecimal.valueOf(f.contribution())).reduce(BigDecimal.ZERO, BigDecimal::add);
        int score = sum.setScale(0, RoundingMode.HALF_UP).intValueExact();
        return new RiskAssessment(Math.max(0, Math.min(100, score)), factors, at);
    }

    static RiskFactor failureRate(String service, ChangeHistory.Tally tally) {
        if (tally.ended() == 0) {
            return factor(CHANGE_FAILURE_RATE, CHANGE_FAILURE_RATE_WEIGHT, 0,
                    "no change of " + service + " ended in the last 30 days");
        }
        double rate = (double) tally.failed() / tally.ended();
        return factor(CHANGE_FAILURE_RATE, CHANGE_FAILURE_RATE_WEIGHT, rate / FAILURE_RATE_SATURATION,
                "%d of %d changes of %s failed in the last 30 days (%d%%; %d%% or more saturates)".formatted(
                        tally.failed(), tally.ended(), service, Math.round(rate * 100),
                        Math.round(FAILURE_RATE_SATURATION * 100)));
    }

    static RiskFactor recentFailures(String service, int failed) {
        return factor(RECENT_FAILURES, RECENT_FAILURES_WEIGHT, (double) failed / RECENT_FAILURES_SATURATION,
                failed == 0 ? "no change of " + service + " failed in the last 7 days"
                        : "%d change%s of %s failed in the last 7 days (%d or more saturate)".formatted(failed,
                                failed == 1 ? "" : "s", service, RECENT_FAILURES_SATURATION));
    }

    static RiskFactor openIncidents(String service, String environment, List<Incident> open) {
        long p1 = open.stream().filter(i -> i.priority().equals(Incident.P1)).count();
        long p2 = open.stream().filter(i -> i.priority().equals(Incident.P2)).count();
        var where = service + " in " + environment;
        return factor(OPEN_INCIDENTS, OPEN_INCIDENTS_WEIGHT, p1 + P2_SHARE * p2, p1 + p2 == 0
                ? "no P1 or P2 incident open on " + where
                : "open on %s: %d P1, %d P2 (one P1 or two P2 saturate)".formatted(where, p1, p2));
    }

    static RiskFactor criticality(EnvironmentProfile profile) {
        return factor(CRITICALITY, CRITICALITY_WEIGHT, profile.criticality().level(), profile.declared()
                ? profile.environment() + " is " + profile.criticality()
                : profile.environment() + " has no profile: " + profile.criticality() + " by default");
    }

    static RiskFactor outsideBusinessHours(EnvironmentProfile profile, Instant at) {
        var hours = profile.businessHours();
        if (hours == null) {
            return factor(OUTSIDE_BUSINESS_HOURS, OUTSIDE_BUSINESS_HOURS_WEIGHT, 0,
                    "no business hours declared for " + profile.environment());
        }
        boolean inside = hours.covers(at);
        return factor(OUTSIDE_BUSINESS_HOURS, OUTSIDE_BUSINESS_HOURS_WEIGHT, inside ? 0 : 1,
                (inside ? "within" : "outside") + " the business hours of " + profile.environment() + ", " + hours);
    }

    static RiskFactor timeSinceLastSuccess(String service, String environment, Optional<Instant> last, Instant at) {
        var where = service + " in " + environment;
        if (last.isEmpty()) {
            return factor(TIME_SINCE_LAST_SUCCESS, TIME_SINCE_LAST_SUCCESS_WEIGHT, 1,
                    "no successful change of " + where + " recorded");
        }
        var age = Duration.between(last.get(), at);
        double days = Math.max(0, age.toMillis()) / (double) Duration.ofDays(1).toMillis();
        return factor(TIME_SINCE_LAST_SUCCESS, TIME_SINCE_LAST_SUCCESS_WEIGHT, days / STALENESS_SATURATION_DAYS,
                "last successful change of %s %s (%d days or more saturate)".formatted(where,
                        days < 1 ? "less than a day ago" : (long) days + (days < 2 ? " day ago" : " days ago"),
                        STALENESS_SATURATION_DAYS));
    }

    /**
     * A factor whose measure, normalised, is clamped to 0..1 and rounded half up to 3 decimals; its contribution is
     * weight × value in decimal arithmetic, rounded half up to 2 decimals.
     */
    private static RiskFactor factor(String name, int weight, double normalised, String explanation) {
        var value = BigDecimal.valueOf(Math.max(0, Math.min(1, normalised))).setScale(3, RoundingMode.HALF_UP);
        var contribution = value.multiply(BigDecimal.valueOf(weight)).setScale(2, RoundingMode.HALF_UP);
        return new RiskFactor(name, weight, value.doubleValue(), contribution.doubleValue(), explanation);
    }
}
