package io.passerelle.integrationservice.github.adapter.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.passerelle.integrationservice.github.GithubDelivery;
import io.passerelle.integrationservice.github.WorkflowRun;
import org.jspecify.annotations.Nullable;

/** The few fields read from a GitHub payload (tolerant reader: GitHub sends hundreds). */
record GithubPayload(@Nullable String action, @Nullable Repository repository,
        @JsonProperty("workflow_run") @Nullable Run workflowRun) {

    record Repository(@JsonProperty("full_name") @Nullable String fullName) {
    }

    record Login(@Nullable String login) {
    }

    record Run(@Nullable Long id, @Nullable String name, @JsonProperty("head_branch") @Nullable String headBranch,
            @JsonProperty("head_sha") @Nullable String headSha, @Nullable String conclusion,
            @JsonProperty("html_url") @Nullable String htmlUrl, @JsonProperty("updated_at") @Nullable String updatedAt,
            @Nullable Login actor, @JsonProperty("triggering_actor") @Nullable Login triggeringActor) {

        WorkflowRun toDomain() {
            var login = actor != null && actor.login() != null ? actor.login()
                    : triggeringActor != null ? triggeringActor.login() : null;
            return new WorkflowRun(id, name, headBranch, headSha, conclusion, htmlUrl, instant(updatedAt), login);
        }

        private static @Nullable Instant instant(@Nullable String value) {
            if (value == null) {
                return null;
            }
            try {
                return java.time.OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("workflow_run.updated_at is not a date-time: " + value);
            }
        }
    }

    GithubDelivery toDomain(String event, String deliveryId) {
        return new GithubDelivery(event, deliveryId, repository == null ? null : repository.fullName(), action,
                workflowRun == null ? null : workflowRun.toDomain());
    }
}
