package io.passerelle.releaseservice.delivery.adapter.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import io.passerelle.platform.security.Roles;
import io.passerelle.platform.web.ApiTime;
import io.passerelle.platform.web.StrictDateTime;
import io.passerelle.releaseservice.api.MetricsApi;
import io.passerelle.releaseservice.api.model.ChangeFailureRate;
import io.passerelle.releaseservice.api.model.DeploymentFrequency;
import io.passerelle.releaseservice.api.model.DoraDeployment;
import io.passerelle.releaseservice.api.model.DoraDeployments;
import io.passerelle.releaseservice.api.model.DoraMetrics;
import io.passerelle.releaseservice.api.model.DoraScope;
import io.passerelle.releaseservice.api.model.FailedDeploymentRecoveryTime;
import io.passerelle.releaseservice.api.model.LeadTimeForChanges;
import io.passerelle.releaseservice.api.model.PerformanceLevel;
import io.passerelle.releaseservice.delivery.DeliveryFigures;
import io.passerelle.releaseservice.delivery.FinishedDeployment;
import io.passerelle.releaseservice.delivery.IncidentCause;
import io.passerelle.releaseservice.delivery.MeasureDelivery;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

/** The DORA figures, for those who answer for delivery: release and change managers, and operators. */
@RestController
class DoraMetricsController implements MetricsApi {

    static final String READERS = "hasAnyRole('" + Roles.RELEASE_MANAGER + "','" + Roles.CHANGE_MANAGER + "','"
            + Roles.OPERATOR + "')";
    /** The deployments listed behind each figure, newest first. */
    static final int LISTED = 100;

    private final MeasureDelivery measure;

    DoraMetricsController(MeasureDelivery measure) {
        this.measure = measure;
    }

    @Override
    @PreAuthorize(READERS)
    public ResponseEntity<DoraMetrics> getDoraMetrics(@Nullable String service, @Nullable String environment,
            @Nullable String from, @Nullable String to, @Nullable Integer listed) {
        var measured = measure.measure(service, environment, instant("from", from), instant("to", to));
        var figures = measured.figures();
        int most = listed == null ? LISTED : listed;
        return ResponseEntity.ok(new DoraMetrics(ApiTime.utc(figures.from()), ApiTime.utc(figures.to()),
                measured.scopes().stream().map(s -> new DoraScope(s.service(), s.environment())).toList(),
                frequency(figures.deploymentFrequency(), most), leadTime(figures.leadTime(), most),
                failureRate(figures.changeFailureRate(), most), recovery(figures.recoveryTime(), most)));
    }

    private static @Nullable Instant instant(String name, @Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return StrictDateTime.parse(text).toInstant();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " " + e.getMessage());
        }
    }

    private static DeploymentFrequency frequency(DeliveryFigures.DeploymentFrequency f, int most) {
        return new DeploymentFrequency(f.deployments(), f.perDay(), f.perWeek(), level(f.level()),
                listed(f.behind(), most, DoraMetricsController::deployment));
    }

    private static LeadTimeForChanges leadTime(DeliveryFigures.LeadTime f, int most) {
        return new LeadTimeForChanges(f.behind().size(), f.withoutCommitTime(), listed(f.behind(), most,
                m -> deployment(m.deployment()).leadTimeSeconds(seconds(m.leadTime()))))
                .medianSeconds(seconds(f.median())).p90Seconds(seconds(f.p90())).level(level(f.level()));
    }

    private static ChangeFailureRate failureRate(DeliveryFigures.ChangeFailureRate f, int most) {
        return new ChangeFailureRate(f.failures(), f.deployments(),
                listed(f.behind(), most, DoraMetricsController::failure))
                .rate(f.rate()).level(level(f.level()));
    }

    private static FailedDeploymentRecoveryTime recovery(DeliveryFigures.RecoveryTime f, int most) {
        return new FailedDeploymentRecoveryTime(f.recovered(), f.unrecovered(), listed(f.behind(), most,
                r -> failure(r.failure()).recoveredAt(ApiTime.utcOrNull(r.recoveredAt()))
                        .recoveredBy(r.recoveredBy()).recoverySeconds(seconds(r.time()))))
                .medianSeconds(seconds(f.median())).p90Seconds(seconds(f.p90())).level(level(f.level()));
    }

    private static <T> DoraDeployments listed(List<T> behind, int most, Function<T, DoraDeployment> view) {
        return new DoraDeployments(behind.size(), behind.size() > most,
                behind.stream().limit(most).map(view).toList());
    }

    /** A deployment counted as a failure, with the incidents it caused (none: left out). */
    private static DoraDeployment failure(DeliveryFigures.Failure failure) {
        var incidents = failure.incidents().stream().map(IncidentCause::incidentId).toList();
        return deployment(failure.deployment()).causedIncidents(incidents.isEmpty() ? null : incidents);
    }

    private static DoraDeployment deployment(FinishedDeployment d) {
        return new DoraDeployment(d.id(), d.service(), d.environment(), d.version(), d.commitSha(),
                DoraDeployment.ResultEnum.fromValue(d.result().name()), ApiTime.utc(d.finishedAt()))
                .reason(d.reason())
                .headCommitAt(ApiTime.utcOrNull(d.headCommitAt()))
                .causedIncidents(null); // the generated model starts with an empty list; only failures list theirs
    }

    private static @Nullable Double seconds(@Nullable Duration duration) {
        return duration == null ? null : duration.toMillis() / 1000.0;
    }

    private static @Nullable PerformanceLevel level(io.passerelle.releaseservice.delivery.@Nullable PerformanceLevel level) {
        return level == null ? null : PerformanceLevel.fromValue(level.name());
    }
}
