package io.passerelle.integrationservice.gitlab.adapter.web;

import io.passerelle.integrationservice.api.GitlabApi;
import io.passerelle.integrationservice.api.model.WebhookOutcome;
import io.passerelle.integrationservice.api.model.WebhookOutcome.OutcomeEnum;
import io.passerelle.integrationservice.gitlab.GitlabHook;
import io.passerelle.integrationservice.gitlab.ReceiveGitlabHook;
import io.passerelle.platform.web.JsonErrors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Implemented by hand, not through {@link GitlabApi}, as GitHub's: the body is read tolerantly here. Authenticates by
 * the project's {@code X-Gitlab-Token} ({@code passerelle.security.public-paths}), hence {@code permitAll()}.
 */
@RestController
class GitlabWebhookController {

    static final int MAX_KEY = 200;

    private final ReceiveGitlabHook receive;
    private final JsonMapper tolerant;

    GitlabWebhookController(ReceiveGitlabHook receive, JsonMapper json) {
        this.receive = receive;
        this.tolerant = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    @PostMapping(path = GitlabApi.PATH_RECEIVE_GITLAB_HOOK, consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("permitAll()")
    @Transactional
    public ResponseEntity<WebhookOutcome> receiveGitlabHook(@RequestHeader("X-Gitlab-Event") String event,
            @RequestHeader(name = "X-Gitlab-Token", required = false) @Nullable String token,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            @RequestHeader(name = "X-Gitlab-Event-UUID", required = false) @Nullable String eventUuid,
            @RequestBody byte[] body) {
        var key = key(idempotencyKey != null ? idempotencyKey : eventUuid);
        if (event.isBlank() || event.length() > 64 || !event.chars().allMatch(c -> c == ' ' || Character.isLetter(c)
                && c < 128)) {
            throw new IllegalArgumentException("X-Gitlab-Event: not a GitLab hook name");
        }
        var handled = event.equals(GitlabHook.PIPELINE) || event.equals(GitlabHook.DEPLOYMENT);
        // another hook (a Job Hook, …) is answered as ignored without reading it: its shape differs (no project)
        var hook = handled ? parse(body).toDomain(event, key) : new GitlabHook(event, key, null, null);
        return switch (receive.receive(hook, token)) {
            case ReceiveGitlabHook.Outcome.Accepted accepted -> ResponseEntity.status(HttpStatus.ACCEPTED)
                    .body(new WebhookOutcome(OutcomeEnum.ACCEPTED).reason(accepted.events() + " pipeline events"));
            case ReceiveGitlabHook.Outcome.Ignored ignored -> ResponseEntity.status(HttpStatus.ACCEPTED)
                    .body(new WebhookOutcome(OutcomeEnum.IGNORED).reason(ignored.reason()));
            case ReceiveGitlabHook.Outcome.Duplicate duplicate -> ResponseEntity.ok(new WebhookOutcome(
                    OutcomeEnum.DUPLICATE).reason("hook " + key + " was received before; nothing published again"));
        };
    }

    private static String key(@Nullable String key) {
        if (key == null) {
            throw new IllegalArgumentException("Idempotency-Key (or X-Gitlab-Event-UUID) is missing");
        }
        if (key.isEmpty() || key.length() > MAX_KEY || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("Idempotency-Key: 1 to " + MAX_KEY + " printable ASCII characters");
        }
        return key;
    }

    private GitlabPayload parse(byte[] body) {
        GitlabPayload payload;
        try {
            payload = tolerant.readValue(body, GitlabPayload.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(JsonErrors.describe(e));
        }
        if (payload == null) {
            throw new IllegalArgumentException("the body is not a GitLab hook payload in JSON");
        }
        return payload;
    }
}
