package io.passerelle.integrationservice.gitlab;

import java.time.Instant;

import io.passerelle.integrationservice.catalog.CatalogedService;
import io.passerelle.integrationservice.observeddeployment.DeploymentObserved;
import org.jspecify.annotations.Nullable;

/**
 * Which Deployment Hooks become {@code deployment.observed.v1} (ADR 0024): a GitLab-run deployment that ended
 * ({@code success}, {@code failed}, {@code canceled}) to one of the service's environments (ignoring case) is a
 * deployment made outside Passerelle; {@code created} and {@code running} are not final, and an environment the
 * catalog does not give the service (a review app) is not one of its environments: ignored, with the reason. The
 * version is the ref deployed (a tag), or the commit's short SHA when the ref is the default branch; the commit is
 * read from {@code commit_url}.
 */
final class GitlabDeploymentRules {

    static final String INTAKE = "gitlab";

    private GitlabDeploymentRules() {
    }

    sealed interface Verdict {

        record Publish(DeploymentObserved event) implements Verdict {
        }

        record Ignore(String reason) implements Verdict {
        }
    }

    static Verdict judge(DeploymentHook hook, CatalogedService service, Instant now) {
        var outcome = switch (String.valueOf(hook.status())) {
            case "success" -> DeploymentObserved.Outcome.SUCCEEDED;
            case "failed" -> DeploymentObserved.Outcome.FAILED;
            case "canceled" -> DeploymentObserved.Outcome.CANCELED;
            default -> null;
        };
        if (outcome == null) {
            return new Verdict.Ignore("deployment status '" + hook.status() + "' is not final (success, failed,"
                    + " canceled): the deployment is recorded when it ends");
        }
        var environment = hook.environment() == null ? null : service.environment(hook.environment()).orElse(null);
        if (environment == null) {
            return new Verdict.Ignore("environment '" + hook.environment() + "' is not an environment of "
                    + service.name() + " " + service.environments());
        }
        if (hook.deploymentId() == null) {
            throw new IllegalArgumentException("deployment_id: a deployment hook needs GitLab's deployment id");
        }
        var commit = commit(hook);
        var version = hook.ref() == null || hook.ref().isBlank() || hook.ref().equals(service.defaultBranch())
                ? hook.shortSha() : hook.ref();
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("ref, short_sha: a deployment hook needs what it deployed");
        }
        var externalId = String.valueOf(hook.deploymentId());
        return new Verdict.Publish(new DeploymentObserved(
                DeploymentObserved.idOf(INTAKE, hook.project(), externalId), service.name(), environment, version,
                commit, outcome, DeploymentObserved.Kind.deployed, INTAKE, INTAKE, hook.project(), externalId,
                hook.deployableUrl(), null, hook.statusChangedAt() == null ? now : hook.statusChangedAt(), now));
    }

    /** The full SHA at the end of {@code commit_url}, else the short one; none when neither is a SHA. */
    private static @Nullable String commit(DeploymentHook hook) {
        var url = hook.commitUrl();
        if (url != null) {
            var last = url.substring(url.lastIndexOf('/') + 1);
            if (GitlabPipelineRules.SHA.matcher(last).matches()) {
                return last;
            }
        }
        var shortSha = hook.shortSha();
        return shortSha != null && GitlabPipelineRules.SHA.matcher(shortSha).matches() ? shortSha : null;
    }
}
