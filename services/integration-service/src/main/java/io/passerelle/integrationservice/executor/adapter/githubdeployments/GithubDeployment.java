package io.passerelle.integrationservice.executor.adapter.githubdeployments;

import java.util.UUID;

/** The GitHub deployment Passerelle created for one of its deployments: GitHub's id, in which repository. */
public record GithubDeployment(String owner, String repo, long id, UUID deploymentId) {
}
