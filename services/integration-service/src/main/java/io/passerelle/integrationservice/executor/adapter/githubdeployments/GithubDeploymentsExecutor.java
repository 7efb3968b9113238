package io.passerelle.integrationservice.executor.adapter.githubdeployments;

import io.passerelle.integrationservice.catalog.port.CatalogedServices;
import io.passerelle.integrationservice.executor.CallOutcome;
import io.passerelle.integrationservice.executor.DeployCall;
import io.passerelle.integrationservice.executor.Target;
import io.passerelle.integrationservice.executor.VendorCalls;
import io.passerelle.integrationservice.executor.VendorExecutor;

/**
 * The GitHub Deployments executor ({@code deployTarget.type = github}, settings {@code repository} — default the
 * service's — and {@code environment} — default the environment's name —, credential a token with Deployments:
 * write): creates a GitHub deployment of the commit; the reference is GitHub's deployment id. Not watched: the
 * outcome comes in {@code deployment_status} events through the repository's signed webhook
 * ({@link GithubDeploymentStatuses}).
 */
public final class GithubDeploymentsExecutor extends VendorExecutor {

    public static final String TYPE = "github";

    private final GithubDeployments github;
    private final CatalogedServices catalog;

    public GithubDeploymentsExecutor(GithubDeployments github, VendorCalls calls, CatalogedServices catalog) {
        super(TYPE, calls, false, java.util.List.of());
        this.github = github;
        this.catalog = catalog;
    }

    @Override
    public Start start(Target target, DeployCall call, String secret, AttemptStart start) {
        var repository = target.setting("repository") != null ? target.setting("repository")
                : catalog.byName(call.service()).map(s -> s.repository()).orElse(null);
        if (repository == null || !repository.contains("/")) {
            return Start.of(new CallOutcome.NotCalled("the github target of " + call.service() + " names no"
                    + " repository, and the service's is not known here"));
        }
        var environment = target.setting("environment") != null ? target.setting("environment") : call.environment();
        var parts = repository.split("/", 2);
        return start(github.start(new GithubEnvironment(target.url(), parts[0], parts[1], environment), secret, call,
                start::begin), deployment -> Long.toString(deployment.id()));
    }
}
