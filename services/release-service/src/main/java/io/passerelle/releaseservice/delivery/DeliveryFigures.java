package io.passerelle.releaseservice.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The four DORA figures of the deployments that finished in [from, to), each with its {@link PerformanceLevel} and
 * the deployments behind it (newest first), so that every number can be checked by hand:
 * <ul>
 * <li>deployment frequency: successful deployments, per day and per week of the range;</li>
 * <li>lead time for changes: head commit → successful deployment, median and 90th percentile, over the successful
 * deployments whose head commit's time is known;</li>
 * <li>change failure rate: deployments that failed or that an incident was confirmed to be caused by, over finished
 * deployments. A deployment is counted once whatever happened to it (failed and caused three incidents: one), and
 * both counts are of the same set of deployments, so the rate is never above 100 %;</li>
 * <li>failed deployment recovery time: from each such deployment's end to its recovery — the next successful
 * deployment of the same service and environment for a failure, the resolution of the last of its incidents for an
 * incident's cause, the later of the two for both — median and 90th percentile of those recovered.</li>
 * </ul>
 * A figure with nothing to measure has no value and no level (but frequency: none is a low frequency).
 */
public record DeliveryFigures(Instant from, Instant to, DeploymentFrequency deploymentFrequency, LeadTime leadTime,
        ChangeFailureRate changeFailureRate, RecoveryTime recoveryTime) {

    private static final Comparator<FinishedDeployment> NEWEST_FIRST = Comparator
            .comparing(FinishedDeployment::finishedAt).reversed().thenComparing(FinishedDeployment::id);

    public record DeploymentFrequency(int deployments, double perDay, double perWeek, PerformanceLevel level,
            List<FinishedDeployment> behind) {
    }

    public record LeadTime(@Nullable Duration median, @Nullable Duration p90, @Nullable PerformanceLevel level,
            int withoutCommitTime, List<Measured> behind) {

        /** A successful deployment and its lead time. */
        public record Measured(FinishedDeployment deployment, Duration leadTime) {
        }
    }

    public record ChangeFailureRate(int failures, int deployments, @Nullable Double rate,
            @Nullable PerformanceLevel level, List<Failure> behind) {
    }

    /** A deployment counted as a failure: it failed, or incidents were confirmed to be caused by it, or both. */
    public record Failure(FinishedDeployment deployment, boolean failed, List<IncidentCause> incidents) {
    }

    public record RecoveryTime(@Nullable Duration median, @Nullable Duration p90, @Nullable PerformanceLevel level,
            int recovered, int unrecovered, List<Recovery> behind) {

        /** A failure and when it was recovered from (null: not yet), by which deployment when one recovered it. */
        public record Recovery(Failure failure, @Nullable Instant recoveredAt, @Nullable UUID recoveredBy,
                @Nullable Duration time) {
        }
    }

    /**
     * The figures of {@code finished}, the deployments that finished in [from, to) in the scope measured, with the
     * incidents confirmed to be caused by any of them ({@code causes}; those of other deployments are ignored).
     */
    public static DeliveryFigures of(Instant from, Instant to, List<FinishedDeployment> finished,
            List<IncidentCause> causes) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        var newestFirst = finished.stream().sorted(NEWEST_FIRST).toList();
        var failures = failures(newestFirst, causes);
        return new DeliveryFigures(from, to, frequency(from, to, newestFirst), leadTime(newestFirst),
                changeFailureRate(newestFirst.size(), failures), recoveryTime(failures));
    }

    private static DeploymentFrequency frequency(Instant from, Instant to, List<FinishedDeployment> finished) {
        var succeeded = finished.stream().filter(FinishedDeployment::succeeded).toList();
        double days = Duration.between(from, to).toMillis() / (double) Duration.ofDays(1).toMillis();
        double perDay = succeeded.size() / days;
        return new DeploymentFrequency(succeeded.size(), perDay, perDay * 7,
                PerformanceLevel.ofDeploymentsPerDay(perDay), succeeded);
    }

    private static LeadTime leadTime(List<FinishedDeployment> finished) {
        var measured = new ArrayList<LeadTime.Measured>();
        int withoutCommitTime = 0;
        for (var deployment : finished) {
            if (!deployment.succeeded()) {
                continue;
            }
            var time = deployment.leadTime();
            if (time == null) {
                withoutCommitTime++;
            } else {
                measured.add(new LeadTime.Measured(deployment, time));
            }
        }
        var times = measured.stream().map(LeadTime.Measured::leadTime).toList();
        var median = Percentiles.median(times);
        return new LeadTime(median, Percentiles.nearestRank(times, 90),
                median == null ? null : PerformanceLevel.ofLeadTime(median), withoutCommitTime, measured);
    }

    private static List<Failure> failures(List<FinishedDeployment> finished, List<IncidentCause> causes) {
        Map<UUID, List<IncidentCause>> byDeployment = causes.stream()
                .collect(Collectors.groupingBy(IncidentCause::deploymentId));
        return finished.stream()
                .filter(d -> !d.succeeded() || byDeployment.containsKey(d.id()))
                .map(d -> new Failure(d, !d.succeeded(), byDeployment.getOrDefault(d.id(), List.of())))
                .toList();
    }

    private static ChangeFailureRate changeFailureRate(int deployments, List<Failure> failures) {
        if (deployments == 0) {
            return new ChangeFailureRate(0, 0, null, null, failures);
        }
        double rate = failures.size() / (double) deployments;
        return new ChangeFailureRate(failures.size(), deployments, rate, PerformanceLevel.ofChangeFailureRate(rate),
                failures);
    }

    private static RecoveryTime recoveryTime(List<Failure> failures) {
        var recoveries = failures.stream().map(DeliveryFigures::recovery).toList();
        var times = recoveries.stream().map(RecoveryTime.Recovery::time).filter(t -> t != null).toList();
        var median = Percentiles.median(times);
        return new RecoveryTime(median, Percentiles.nearestRank(times, 90),
                median == null ? null : PerformanceLevel.ofRecoveryTime(median), times.size(),
                recoveries.size() - times.size(), recoveries);
    }

    private static RecoveryTime.Recovery recovery(Failure failure) {
        var deployment = failure.deployment();
        Instant recoveredAt = deployment.finishedAt();
        UUID recoveredBy = null;
        if (failure.failed()) {
            var next = deployment.nextSuccess();
            if (next == null) {
                return new RecoveryTime.Recovery(failure, null, null, null);
            }
            recoveredAt = next.finishedAt();
            recoveredBy = next.deploymentId();
        }
        for (var incident : failure.incidents()) {
            if (incident.resolvedAt() == null) {
                return new RecoveryTime.Recovery(failure, null, null, null);
            }
            if (incident.resolvedAt().isAfter(recoveredAt)) {
                recoveredAt = incident.resolvedAt();
                recoveredBy = null;
            }
        }
        var time = Duration.between(deployment.finishedAt(), recoveredAt);
        return new RecoveryTime.Recovery(failure, recoveredAt, recoveredBy, time.isNegative() ? Duration.ZERO : time);
    }
}
