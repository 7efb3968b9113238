package io.passerelle.releaseservice.delivery;

import java.time.Duration;

/**
 * The performance levels of the DORA 2024 report (Accelerate State of DevOps Report 2024, "Software delivery
 * performance levels"), one figure at a time. The report describes four clusters of respondents by all four measures
 * together; the bounds below turn its values into a level per figure, as ADR 0013 explains (where the report's
 * clusters overlap or are out of order, the bound between them is said there).
 */
public enum PerformanceLevel {
    ELITE, HIGH, MEDIUM, LOW;

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration WEEK = Duration.ofDays(7);
    private static final Duration MONTH = Duration.ofDays(30);

    /** Elite: more than one a day (on demand); high: at least once a week; medium: at least once a month. */
    public static PerformanceLevel ofDeploymentsPerDay(double perDay) {
        if (perDay > 1) {
            return ELITE;
        }
        if (perDay * 7 >= 1) {
            return HIGH;
        }
        return perDay * 30 >= 1 ? MEDIUM : LOW;
    }

    /** Elite: under a day; high: under a week; medium: under a month (30 days); low: a month or more. */
    public static PerformanceLevel ofLeadTime(Duration median) {
        return median.compareTo(DAY) < 0 ? ELITE : median.compareTo(WEEK) < 0 ? HIGH
                : median.compareTo(MONTH) < 0 ? MEDIUM : LOW;
    }

    /** Elite: at most 5 %; high: at most 20 %; medium: under 40 %; low: 40 % or more. */
    public static PerformanceLevel ofChangeFailureRate(double rate) {
        return rate <= 0.05 ? ELITE : rate <= 0.20 ? HIGH : rate < 0.40 ? MEDIUM : LOW;
    }

    /** Elite: under an hour; high: under a day; medium: under a week; low: a week or more. */
    public static PerformanceLevel ofRecoveryTime(Duration median) {
        return median.compareTo(HOUR) < 0 ? ELITE : median.compareTo(DAY) < 0 ? HIGH
                : median.compareTo(WEEK) < 0 ? MEDIUM : LOW;
    }
}
