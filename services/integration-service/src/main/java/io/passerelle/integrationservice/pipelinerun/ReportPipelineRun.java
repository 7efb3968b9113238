package io.passerelle.integrationservice.pipelinerun;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.passerelle.integrationservice.catalog.CatalogedService;
import io.passerelle.integrationservice.catalog.port.CatalogedServices;
import io.passerelle.integrationservice.github.PipelineFailed;
import io.passerelle.integrationservice.github.PipelineSucceeded;
import io.passerelle.integrationservice.pipelinerun.port.PipelineRuns;
import io.passerelle.platform.domain.NotFoundException;
import io.passerelle.platform.event.DomainEvent;
import io.passerelle.platform.event.EventPublisher;

/**
 * Receives a run reported by any CI: a run on the service's default branch publishes {@code pipeline.succeeded.v1} or
 * {@code pipeline.failed.v1} (provider {@value #PROVIDER}) for the run's check and one for each check of its
 * evidence, as a GitHub workflow run does; another branch is ignored, with the reason. The key is claimed before
 * anything is published: the same key with the same request gets the same receipt and publishes nothing, with another
 * request it is refused. Runs in the caller's transaction.
 */
public final class ReportPipelineRun {

    static final String PROVIDER = "rest";

    private final CatalogedServices catalog;
    private final PipelineRuns runs;
    private final EventPublisher events;
    private final Clock clock;

    public ReportPipelineRun(CatalogedServices catalog, PipelineRuns runs, EventPublisher events, Clock clock) {
        this.catalog = catalog;
        this.runs = runs;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @throws NotFoundException no such service; nothing written
     * @throws IdempotencyKeyReusedException the key came with another request; nothing written
     */
    public Receipt report(String key, String requestSha256, PipelineRunReport report, String reportedBy) {
        var known = runs.byKey(key);
        if (known.isPresent()) {
            return replay(key, requestSha256, known.get());
        }
        var service = catalog.byName(report.service())
                .orElseThrow(() -> new NotFoundException("service", report.service()));
        var runId = report.runId() == null ? key : report.runId();
        var published = events(service, report, runId, PROVIDER, key, reportedBy, clock.instant());
        var receipt = published.isEmpty() ? new Receipt(false, otherBranch(service, report.branch()), 0)
                : new Receipt(true, null, published.size());
        if (!runs.record(key, requestSha256, report, runId, receipt, reportedBy, clock.instant())) {
            return replay(key, requestSha256, runs.byKey(key).orElseThrow());
        }
        published.forEach(events::publish);
        return receipt;
    }

    private static Receipt replay(String key, String requestSha256, PipelineRuns.Recorded known) {
        if (!known.requestSha256().equals(requestSha256)) {
            throw new IdempotencyKeyReusedException(key);
        }
        return known.receipt();
    }

    /**
     * The events of a run on the service's default branch, none on another branch: one per check of its evidence
     * (each green or {@code failure}), then the run's own (its conclusion as the CI named it). Every intake that
     * reports runs this way uses it (REST, CDEvents {@code pipelinerun.finished}).
     */
    public static List<DomainEvent> events(CatalogedService service, PipelineRunReport report, String runId,
            String provider, String deliveryId, String reportedBy, Instant now) {
        if (!service.defaultBranch().equals(report.branch())) {
            return List.of();
        }
        var finishedAt = report.finishedAt() == null ? now : report.finishedAt();
        var pipeline = report.pipeline() == null ? PipelineRunReport.DEFAULT_PIPELINE : report.pipeline();
        var published = new ArrayList<DomainEvent>();
        for (var check : report.checks()) {
            published.add(event(service, report, runId + "/" + check.name(), check.name(), check.success(),
                    PipelineRunReport.FAILURE, provider, deliveryId, reportedBy, finishedAt));
        }
        published.add(event(service, report, runId, pipeline, report.success(), report.conclusion(), provider,
                deliveryId, reportedBy, finishedAt));
        return published;
    }

    /** Why a run publishes nothing: it ran on another branch than the service's default one. */
    public static String otherBranch(CatalogedService service, String branch) {
        return "branch '" + branch + "' is not the default branch '" + service.defaultBranch() + "' of "
                + service.name();
    }

    private static DomainEvent event(CatalogedService service, PipelineRunReport report, String runId, String check,
            boolean success, String conclusion, String provider, String deliveryId, String reportedBy,
            Instant finishedAt) {
        if (success) {
            return new PipelineSucceeded(service.name(), service.repository(), service.defaultBranch(),
                    report.commit(), runId, report.runUrl(), check, reportedBy, provider, deliveryId, finishedAt,
                    report.runNumber(), null, null, null);
        }
        return new PipelineFailed(service.name(), service.repository(), service.defaultBranch(), report.commit(),
                runId, report.runUrl(), check, reportedBy, provider, deliveryId, finishedAt, conclusion,
                report.runNumber(), null, null, null);
    }
}
