package io.passerelle.integrationservice.executor.adapter.githubdeployments;

/**
 * The GitHub repository and environment a service's environment deploys through.
 *
 * @param apiUrl GitHub's REST API ({@code https://api.github.com}, or {@code https://<ghes>/api/v3})
 * @param environment GitHub's environment name ({@code production}, {@code staging})
 */
public record GithubEnvironment(String apiUrl, String owner, String repo, String environment) {
}
