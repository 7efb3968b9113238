package io.passerelle.integrationservice.chataction.adapter.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import io.passerelle.integrationservice.api.ChatActionsApi;
import io.passerelle.integrationservice.api.model.WebhookOutcome;
import io.passerelle.integrationservice.api.model.WebhookOutcome.OutcomeEnum;
import io.passerelle.integrationservice.chataction.ChatAction;
import io.passerelle.integrationservice.chataction.ChatUser;
import io.passerelle.integrationservice.chataction.ReceiveSlackAction;
import io.passerelle.integrationservice.chataction.SlackInteraction;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Implemented by hand, not through {@link ChatActionsApi}: Slack signs the exact form body, so it is taken raw,
 * authenticated, and only then read. Authenticates by signature ({@code passerelle.security.public-paths}), hence
 * {@code permitAll()}. Answers at once; the action is performed and answered in Slack by the worker.
 */
@RestController
class SlackActionsController {

    private final ReceiveSlackAction receive;
    private final JsonMapper json;

    SlackActionsController(ReceiveSlackAction receive, JsonMapper json) {
        this.receive = receive;
        this.json = json;
    }

    @PostMapping(path = ChatActionsApi.PATH_RECEIVE_SLACK_ACTION)
    @PreAuthorize("permitAll()")
    @Transactional
    public ResponseEntity<WebhookOutcome> receiveSlackAction(
            @RequestHeader(name = "X-Slack-Request-Timestamp", required = false) @Nullable String timestamp,
            @RequestHeader(name = "X-Slack-Signature", required = false) @Nullable String signature,
            @RequestHeader(name = "Content-Type", required = false) @Nullable String contentType,
            @RequestBody(required = false) byte @Nullable [] body) {
        var raw = body == null ? new byte[0] : body;
        receive.authenticate(timestamp, signature, raw);
        if (contentType == null || !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(
                MediaType.parseMediaType(contentType))) {
            throw new IllegalArgumentException("Slack sends interactions as application/x-www-form-urlencoded");
        }
        var payload = payload(raw);
        var type = payload.path("type").asString("");
        if (!"block_actions".equals(type)) {
            return ignored("a '" + type + "' interaction: Passerelle acts on block_actions (its buttons) only");
        }
        var actions = payload.path("actions");
        var action = actions.isArray() && actions.size() == 1 ? actions.get(0) : null;
        var kind = action == null ? null : ChatAction.Kind.slack(action.path("action_id").asString("")).orElse(null);
        if (kind == null) {
            return ignored("not a Passerelle button (action_id passerelle.change.approve|reject,"
                    + " passerelle.suspect.confirm, passerelle.rollback.start)");
        }
        var user = payload.path("user").path("id").asString("");
        var responseUrl = payload.path("response_url").asString("");
        if (responseUrl.isEmpty()) {
            throw new IllegalArgumentException("payload.response_url is required: the answer is posted there");
        }
        receive.accept(new SlackInteraction(new ChatUser(ChatUser.Platform.SLACK, user),
                ChatAction.fromSlack(kind, action.path("value").asString("")), responseUrl));
        return ResponseEntity.ok(new WebhookOutcome(OutcomeEnum.ACCEPTED)
                .reason("the answer follows in Slack"));
    }

    private JsonNode payload(byte[] body) {
        String payload = null;
        for (var pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            var kv = pair.split("=", 2);
            if (kv.length == 2 && kv[0].equals("payload")) {
                payload = URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }
        if (payload == null) {
            throw new IllegalArgumentException("the form field 'payload' (Slack's interaction, JSON) is missing");
        }
        try {
            var node = json.readTree(payload);
            if (!node.isObject()) {
                throw new IllegalArgumentException("payload must be a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw new IllegalArgumentException("payload is not JSON");
        }
    }

    private static ResponseEntity<WebhookOutcome> ignored(String reason) {
        return ResponseEntity.ok(new WebhookOutcome(OutcomeEnum.IGNORED).reason(reason));
    }
}
