package io.passerelle.integrationservice.github.adapter.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.passerelle.integrationservice.github.GithubDelivery;
import io.passerelle.integrationservice.github.WorkflowRun;
import org.jspecify.annotations.Nullable;

/** The few fields read from a GitHub payload (tolerant reader: GitHub sends hundreds). */
record GithubPayload(@Nullable String action, @Nullable Repository repository, @Nullable Workflow workflow,
        @JsonProperty("workflow_run") @Nullable Run workflowRun) {

    record Repository(@JsonProperty("full_name") @Nullable String fullName) {
    }

    record Login(@Nullable String login) {
    }

    record Workflow(@Nullable String name) {
    }

    record HeadCommit(@Nullable String id, @Nullable String message, @Nullable String timestamp) {
    }

    record Run(@Nullable Long id, @Nullable String name, @Nullable String path,
            @JsonProperty("head_branch") @Nullable String headBranch,
            @JsonProperty("head_sha") @Nullable String headSha, @Nullable String conclusion,
            @JsonProperty("html_url") @Nullable String htmlUrl, @JsonProperty("updated_at") @Nullable String updatedAt,
            @Nullable Login actor, @JsonProperty("triggering_actor") @Nullable Login triggeringActor,
            @JsonProperty("run_number") @Nullable Long runNumber, @JsonProperty("run_attempt") @Nullable Integer runAttempt,
            @JsonProperty("head_repository") @Nullable Repository headRepository,
            @JsonProperty("head_commit") @Nullable HeadCommit headCommit) {

        /**
         * The workflow's name is the run's; GitHub sends the workflow object's too, and names a workflow without a
         * {@code name:} by its file's path.
         */
        WorkflowRun toDomain(@Nullable Workflow workflow) {
            var login = actor != null && actor.login() != null ? actor.login()
                    : triggeringActor != null ? triggeringActor.login() : null;
            var workflowName = present(name) ? name : workflow != null && present(workflow.name()) ? workflow.name()
                    : present(path) ? path : null;
            return new WorkflowRun(id, workflowName, headBranch, headSha, conclusion, htmlUrl,
                    instant("workflow_run.updated_at", updatedAt), login, runNumber, runAttempt,
                    headRepository == null ? null : headRepository.fullName(),
                    headCommit == null ? null : new WorkflowRun.HeadCommit(headCommit.id(), headCommit.message(),
                            instant("workflow_run.head_commit.timestamp", headCommit.timestamp())));
        }

        private static boolean present(@Nullable String value) {
            return value != null && !value.isBlank();
        }

        private static @Nullable Instant instant(String field, @Nullable String value) {
            if (value == null) {
                return null;
            }
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(field + " is not a date-time: " + value);
            }
        }
    }

    GithubDelivery toDomain(String event, String deliveryId) {
        return new GithubDelivery(event, deliveryId, repository == null ? null : repository.fullName(), action,
                workflowRun == null ? null : workflowRun.toDomain(workflow));
    }
}
