package io.passerelle.integrationservice.gitlab;

import java.time.Clock;

import io.passerelle.integrationservice.catalog.port.CatalogedServices;
import io.passerelle.integrationservice.gitlab.port.GitlabDeliveries;
import io.passerelle.platform.crypto.SecretSealer;
import io.passerelle.platform.crypto.SharedTokens;
import io.passerelle.platform.event.EventPublisher;
import org.jspecify.annotations.Nullable;

/**
 * Receives one GitLab hook: a hook other than a Pipeline or Deployment Hook is ignored at once (nothing to record);
 * else finds the project's service (none → {@link UnknownProjectException}), compares
 * {@code X-Gitlab-Token} in constant time with the service's sealed secret, records the hook by its
 * {@code Idempotency-Key} (a retry is a {@link Outcome.Duplicate} and publishes nothing) and publishes what the
 * rules accept: pipeline events ({@link GitlabPipelineRules}), a deployment GitLab made ({@link GitlabDeploymentRules}). Runs in the caller's transaction: the record and the events commit together or not at all.
 */
public final class ReceiveGitlabHook {

    /** What an authenticated hook leads to. */
    public sealed interface Outcome {

        /** Pipeline events published (at least one). */
        record Accepted(int events) implements Outcome {
        }

        /** Nothing to do; the reason is told to GitLab. */
        record Ignored(String reason) implements Outcome {
        }

        /** GitLab sent this hook before (same Idempotency-Key): answered as done, nothing published again. */
        record Duplicate() implements Outcome {
        }
    }

    private final CatalogedServices catalog;
    private final GitlabDeliveries deliveries;
    private final EventPublisher events;
    private final SecretSealer sealer;
    private final Clock clock;

    public ReceiveGitlabHook(CatalogedServices catalog, GitlabDeliveries deliveries, EventPublisher events,
            SecretSealer sealer, Clock clock) {
        this.catalog = catalog;
        this.deliveries = deliveries;
        this.events = events;
        this.sealer = sealer;
        this.clock = clock;
    }

    /**
     * @throws UnknownProjectException nothing was recorded
     * @throws InvalidTokenException nothing was recorded
     */
    public Outcome receive(GitlabHook hook, @Nullable String token) {
        if (!hook.event().equals(GitlabHook.PIPELINE) && !hook.event().equals(GitlabHook.DEPLOYMENT)) {
            // nothing is recorded nor published: no need to know the project (a Job Hook names none) nor the token
            return new Outcome.Ignored("event '" + hook.event() + "' is not handled (only Pipeline Hook and Deployment"
                    + " Hook)");
        }
        var project = hook.project();
        if (project == null) {
            throw new IllegalArgumentException("project.path_with_namespace: the hook names no project");
        }
        var service = catalog.byGitlabProject(project).orElseThrow(() -> new UnknownProjectException("GitLab project "
                + project + " is not in the catalog: register it (gitlabProject) and send the hook again"));
        if (token == null) {
            throw new InvalidTokenException("X-Gitlab-Token is missing");
        }
        if (!SharedTokens.same(token, service.webhookSecret(sealer))) {
            throw new InvalidTokenException("X-Gitlab-Token is not the secret registered for " + project);
        }
        if (!deliveries.record(hook.idempotencyKey(), hook.event(), service.name(), clock.instant())) {
            return new Outcome.Duplicate();
        }
        if (hook.event().equals(GitlabHook.DEPLOYMENT)) {
            var deployment = hook.deployment();
            if (deployment == null) {
                throw new IllegalArgumentException("a Deployment Hook without its deployment");
            }
            return switch (GitlabDeploymentRules.judge(deployment, service, clock.instant())) {
                case GitlabDeploymentRules.Verdict.Ignore ignore -> new Outcome.Ignored(ignore.reason());
                case GitlabDeploymentRules.Verdict.Publish publish -> {
                    events.publish(publish.event());
                    yield new Outcome.Accepted(1);
                }
            };
        }
        var pipeline = hook.pipeline();
        if (pipeline == null) {
            throw new IllegalArgumentException("object_attributes: a Pipeline Hook without its pipeline");
        }
        return switch (GitlabPipelineRules.judge(pipeline, service, hook.idempotencyKey(), clock.instant())) {
            case GitlabPipelineRules.Verdict.Ignore ignore -> new Outcome.Ignored(ignore.reason());
            case GitlabPipelineRules.Verdict.Publish publish -> {
                publish.events().forEach(events::publish);
                yield new Outcome.Accepted(publish.events().size());
            }
        };
    }
}
