package io.passerelle.integrationservice.github;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What a GitHub webhook delivery says, read from its headers and body.
 *
 * @param event {@code X-GitHub-Event}, e.g. {@code workflow_run}, {@code ping}: lowercase letters and underscores
 * @param deliveryId {@code X-GitHub-Delivery}: printable ASCII, at most 200 characters (GitHub sends a GUID)
 * @param repository {@code repository.full_name}, absent for deliveries about no repository
 * @param workflowRun present for {@code workflow_run} events
 */
public record GithubDelivery(String event, String deliveryId, @Nullable String repository, @Nullable String action,
        @Nullable WorkflowRun workflowRun) {

    static final int MAX_DELIVERY_ID = 200;
    private static final Pattern EVENT = Pattern.compile("^[a-z_]{1,64}$");
    private static final Pattern DELIVERY_ID = Pattern.compile("^[\\x21-\\x7e]{1," + MAX_DELIVERY_ID + "}$");
    private static final Pattern REPOSITORY = Pattern.compile("^[A-Za-z0-9_.-]{1,100}/[A-Za-z0-9_.-]{1,100}$");

    /** @throws IllegalArgumentException for headers or a repository name that GitHub never sends */
    public GithubDelivery {
        if (!EVENT.matcher(event).matches()) {
            throw new IllegalArgumentException("X-GitHub-Event must be a GitHub event name (lowercase letters and "
                    + "underscores, at most 64)");
        }
        if (!DELIVERY_ID.matcher(deliveryId).matches()) {
            throw new IllegalArgumentException("X-GitHub-Delivery must be 1 to " + MAX_DELIVERY_ID
                    + " printable ASCII characters");
        }
        if (repository != null && !REPOSITORY.matcher(repository).matches()) {
            throw new IllegalArgumentException("repository.full_name must be <owner>/<name> as GitHub spells them");
        }
    }
}
