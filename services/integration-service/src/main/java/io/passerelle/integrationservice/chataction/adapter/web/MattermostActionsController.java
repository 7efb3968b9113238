package io.passerelle.integrationservice.chataction.adapter.web;

import java.util.UUID;

import io.passerelle.integrationservice.api.ChatActionsApi;
import io.passerelle.integrationservice.api.model.MattermostActionAnswer;
import io.passerelle.integrationservice.chataction.ChatAction;
import io.passerelle.integrationservice.chataction.ChatUser;
import io.passerelle.integrationservice.chataction.ReceiveMattermostAction;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Implemented by hand, not through {@link ChatActionsApi}: Mattermost's request is read tolerantly (it adds fields),
 * and authenticated by the channel's token in its context ({@code passerelle.security.public-paths}), hence
 * {@code permitAll()}. The action is performed before the answer (Mattermost waits for it), outside any transaction.
 */
@RestController
class MattermostActionsController {

    private final ReceiveMattermostAction receive;
    private final JsonMapper json;

    MattermostActionsController(ReceiveMattermostAction receive, JsonMapper json) {
        this.receive = receive;
        this.json = json;
    }

    @PostMapping(path = ChatActionsApi.PATH_RECEIVE_MATTERMOST_ACTION, consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("permitAll()")
    public ResponseEntity<MattermostActionAnswer> receiveMattermostAction(@RequestBody byte[] body) {
        JsonNode request;
        try {
            request = json.readTree(body);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the body is not JSON");
        }
        var context = request.path("context");
        receive.authenticate(text(context, "channel"), text(context, "token"));
        var kind = ChatAction.Kind.named(text(context, "action")).orElse(null);
        if (kind == null) {
            return answer("Passerelle does not know the action '" + text(context, "action") + "'; nothing was done.");
        }
        var action = switch (kind) {
            case APPROVE_CHANGE, REJECT_CHANGE -> new ChatAction(kind, uuid(context, "changeId"), null);
            case CONFIRM_SUSPECT, START_ROLLBACK -> new ChatAction(kind, uuid(context, "incidentId"),
                    uuid(context, "deploymentId"));
        };
        var user = new ChatUser(ChatUser.Platform.MATTERMOST, text(request, "user_id"));
        return answer(receive.perform(user, action));
    }

    private static ResponseEntity<MattermostActionAnswer> answer(String text) {
        return ResponseEntity.ok(new MattermostActionAnswer(text));
    }

    private static String text(JsonNode node, String field) {
        var value = node.get(field);
        if (value == null || !value.isString() || value.asString().isEmpty()) {
            throw new IllegalArgumentException(field + " is required (a string)");
        }
        return value.asString();
    }

    private static UUID uuid(JsonNode context, String field) {
        try {
            return UUID.fromString(text(context, field));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("context." + field + " must be a uuid");
        }
    }
}
