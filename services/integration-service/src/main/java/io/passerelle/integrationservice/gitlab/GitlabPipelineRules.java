package io.passerelle.integrationservice.gitlab;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Pattern;

import io.passerelle.integrationservice.catalog.CatalogedService;
import io.passerelle.integrationservice.github.PipelineCommit;
import io.passerelle.integrationservice.github.PipelineFailed;
import io.passerelle.integrationservice.github.PipelineSucceeded;
import io.passerelle.platform.event.DomainEvent;
import org.jspecify.annotations.Nullable;

/**
 * Which Pipeline Hooks become pipeline events, the way GitHub's workflow runs do (ADR 0012, ADR 0022): a finished
 * pipeline ({@code success}, {@code failed}, {@code canceled}) on the service's default branch (not a tag) publishes
 * an event for the pipeline (the check named by the pipeline's name, else {@value #PIPELINE_CHECK}) and one for each
 * finished job of {@code builds[]} (the check named as the job is: an environment may require {@code test} and
 * {@code e2e}), the latest try of a retried job only. A green pipeline publishes its green jobs and its failed
 * allowed-to-fail ones; a red one only what failed (a job green in a red pipeline makes no release). Every event
 * numbers its run with the pipeline id ({@code runNumber}: a new pipeline on the commit wins) and its attempt with the
 * tries of the job (a retried job supersedes its failed try). Anything else is ignored, with the reason.
 */
final class GitlabPipelineRules {

    static final String PROVIDER = "gitlab";
    static final String PIPELINE_CHECK = "gitlab-pipeline";
    static final Pattern SHA = Pattern.compile("^[0-9a-f]{7,40}$");
    static final int MAX_SUBJECT = 500;

    private GitlabPipelineRules() {
    }

    /** The events a pipeline hook publishes, or why it publishes none. */
    sealed interface Verdict {

        record Publish(List<DomainEvent> events) implements Verdict {
        }

        record Ignore(String reason) implements Verdict {
        }
    }

    static Verdict judge(PipelineHook pipeline, CatalogedService service, String deliveryId, Instant now) {
        if (pipeline.tag()) {
            return new Verdict.Ignore("a pipeline for tag '" + pipeline.ref() + "' is not a pipeline of the default"
                    + " branch");
        }
        if (!service.defaultBranch().equals(pipeline.ref())) {
            return new Verdict.Ignore("branch '" + pipeline.ref() + "' is not the default branch '"
                    + service.defaultBranch() + "' of " + service.name());
        }
        var status = pipeline.status();
        var green = "success".equals(status);
        if (!green && !"failed".equals(status) && !"canceled".equals(status)) {
            return new Verdict.Ignore("pipeline status '" + status + "' is not finished (success, failed, canceled)");
        }
        var sha = pipeline.sha();
        if (sha == null || !SHA.matcher(sha).matches()) {
            throw new IllegalArgumentException("object_attributes.sha: a finished pipeline needs its commit's SHA");
        }
        var id = pipeline.id();
        if (id == null) {
            throw new IllegalArgumentException("object_attributes.id: a finished pipeline needs its id");
        }
        var finishedAt = pipeline.finishedAt() == null ? now : pipeline.finishedAt();
        var run = new Run(service, pipeline, sha, id, deliveryId);
        var events = new ArrayList<DomainEvent>();
        for (var job : latestTries(pipeline.jobs()).values()) {
            var jobGreen = "success".equals(job.job().status());
            var jobRed = "failed".equals(job.job().status()) || "canceled".equals(job.job().status());
            if (jobGreen && green || jobRed) {
                events.add(run.event(id + "/" + job.job().id(), jobUrl(pipeline, job.job()), job.job().name(),
                        jobGreen ? "success" : job.job().status(), job.job().finishedAt() == null ? finishedAt
                                : job.job().finishedAt(), job.tries()));
            }
        }
        var name = pipeline.name() == null || pipeline.name().isBlank() ? PIPELINE_CHECK : pipeline.name();
        events.add(run.event(String.valueOf(id), pipelineUrl(pipeline), name, status, finishedAt,
                1 + pipeline.jobs().size() - latestTries(pipeline.jobs()).size()));
        return new Verdict.Publish(List.copyOf(events));
    }

    private record Try(PipelineHook.Job job, int tries) {
    }

    /** Each job name's latest try (the highest id) and how many tries it had. */
    private static LinkedHashMap<String, Try> latestTries(List<PipelineHook.Job> jobs) {
        var latest = new LinkedHashMap<String, Try>();
        jobs.stream().sorted(java.util.Comparator.comparingLong(PipelineHook.Job::id)).forEach(job ->
                latest.merge(job.name(), new Try(job, 1), (old, next) -> new Try(next.job(), old.tries() + 1)));
        return latest;
    }

    private record Run(CatalogedService service, PipelineHook pipeline, String sha, long id, String deliveryId) {

        DomainEvent event(String runId, @Nullable String url, String check, @Nullable String conclusion,
                Instant finishedAt, int attempt) {
            var commit = pipeline.commit();
            var commits = commit == null || commit.id() == null ? null
                    : List.of(new PipelineCommit(commit.id(), firstLine(commit.message()), commit.timestamp()));
            var headCommitAt = commit == null ? null : commit.timestamp();
            if ("success".equals(conclusion)) {
                return new PipelineSucceeded(service.name(), pipeline.project(), service.defaultBranch(), sha, runId,
                        url, check, pipeline.user(), PROVIDER, deliveryId, finishedAt, id, attempt, headCommitAt,
                        commits);
            }
            return new PipelineFailed(service.name(), pipeline.project(), service.defaultBranch(), sha, runId, url,
                    check, pipeline.user(), PROVIDER, deliveryId, finishedAt, String.valueOf(conclusion), id, attempt,
                    headCommitAt, commits);
        }
    }

    private static @Nullable String pipelineUrl(PipelineHook pipeline) {
        if (pipeline.url() != null) {
            return pipeline.url();
        }
        return pipeline.projectUrl() == null ? null : pipeline.projectUrl() + "/-/pipelines/" + pipeline.id();
    }

    private static @Nullable String jobUrl(PipelineHook pipeline, PipelineHook.Job job) {
        return pipeline.projectUrl() == null ? null : pipeline.projectUrl() + "/-/jobs/" + job.id();
    }

    private static @Nullable String firstLine(@Nullable String message) {
        if (message == null) {
            return null;
        }
        var end = message.indexOf('\n');
        var subject = (end < 0 ? message : message.substring(0, end)).strip();
        return subject.length() <= MAX_SUBJECT ? subject : subject.substring(0, MAX_SUBJECT);
    }
}
