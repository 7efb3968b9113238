package io.passerelle.releaseservice.delivery;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** The two statistics the figures quote, on durations; null when there is nothing to measure. */
final class Percentiles {

    private Percentiles() {
    }

    /** The middle value; with an even count, the mean of the two middle values. */
    static @Nullable Duration median(List<Duration> values) {
        if (values.isEmpty()) {
            return null;
        }
        var sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle)
                : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
    }

    /** The nearest-rank percentile: the smallest value with at least {@code percent} % of the values at or below it. */
    static @Nullable Duration nearestRank(List<Duration> values, int percent) {
        if (values.isEmpty()) {
            return null;
        }
        var sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }
}
