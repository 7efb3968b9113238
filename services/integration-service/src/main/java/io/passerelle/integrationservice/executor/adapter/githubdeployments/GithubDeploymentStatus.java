package io.passerelle.integrationservice.executor.adapter.githubdeployments;

/**
 * Where a GitHub deployment stands, as its latest {@code deployment_status} says: {@code queued}, {@code pending},
 * {@code in_progress} (and {@code inactive}, which GitHub sets on an older deployment once a newer one succeeded)
 * are not an outcome; {@code success} is; {@code failure} and {@code error} fail it.
 */
public sealed interface GithubDeploymentStatus {

    record Running(String state) implements GithubDeploymentStatus {
    }

    /** @param url where the deployment's log or environment is ({@code log_url}, else {@code target_url}), or "" */
    record Succeeded(String url) implements GithubDeploymentStatus {
    }

    record Failed(String reason) implements GithubDeploymentStatus {
    }

    static GithubDeploymentStatus of(String state, String description, String url) {
        var said = (description.isEmpty() ? "" : ": " + description) + (url.isEmpty() ? "" : " (" + url + ")");
        return switch (state) {
            case "success" -> new Succeeded(url);
            case "failure" -> new Failed("the deployment failed" + said);
            case "error" -> new Failed("the deployment ended in error" + said);
            default -> new Running(state);
        };
    }
}
