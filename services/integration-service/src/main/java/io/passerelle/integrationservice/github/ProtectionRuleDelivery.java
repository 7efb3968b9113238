package io.passerelle.integrationservice.github;

import org.jspecify.annotations.Nullable;

/**
 * What a {@code deployment_protection_rule} delivery says: a workflow run waits at an environment whose custom
 * protection rule is Passerelle's GitHub App, until the App reviews it on {@code callbackUrl}.
 *
 * @param delivery the headers, the action and {@code repository.full_name}
 * @param repositoryUrl {@code repository.html_url}, the repository's web page
 * @param environment {@code environment}, as GitHub names it
 * @param callbackUrl {@code deployment_callback_url}
 * @param commitSha {@code deployment.sha}
 * @param installationId {@code installation.id}, the App's installation the review is made as
 * @param actor {@code deployment.creator.login}, else {@code sender.login}
 */
public record ProtectionRuleDelivery(GithubDelivery delivery, @Nullable String repositoryUrl,
        @Nullable String environment, @Nullable String callbackUrl, @Nullable String commitSha,
        @Nullable Long installationId, @Nullable String actor) {

    public static final String EVENT = "deployment_protection_rule";
}
