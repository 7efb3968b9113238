package io.passerelle.integrationservice.chatops.adapter.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.passerelle.integrationservice.api.ChatMessagesApi;
import io.passerelle.integrationservice.api.model.ChatMessage;
import io.passerelle.integrationservice.chatops.ReplayChatMessages;
import io.passerelle.platform.security.Roles;
import io.passerelle.platform.web.ApiTime;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ChatMessageController implements ChatMessagesApi {

    private final ReplayChatMessages messages;

    ChatMessageController(ReplayChatMessages messages) {
        this.messages = messages;
    }

    @Override
    @PreAuthorize("hasRole('" + Roles.OPERATOR + "')")
    @Transactional(readOnly = true)
    public ResponseEntity<List<ChatMessage>> listChatMessages(String state) {
        var wanted = switch (state) {
            case "pending", "delivered", "dead" ->
                    io.passerelle.integrationservice.chatops.ChatMessage.State.valueOf(state.toUpperCase(Locale.ROOT));
            default -> throw new IllegalArgumentException("state: pending, delivered or dead, not " + state);
        };
        return ResponseEntity.ok(messages.inState(wanted).stream().map(ChatMessageController::view).toList());
    }

    @Override
    @PreAuthorize("hasRole('" + Roles.OPERATOR + "')")
    @Transactional
    public ResponseEntity<ChatMessage> replayChatMessage(UUID id) {
        return ResponseEntity.ok(view(messages.replay(id)));
    }

    private static ChatMessage view(io.passerelle.integrationservice.chatops.ChatMessage message) {
        return new ChatMessage(message.id(), message.channel(), message.notification(), message.eventId(),
                ChatMessage.StateEnum.fromValue(message.state().name().toLowerCase(Locale.ROOT)), message.attempts(),
                ApiTime.utc(message.createdAt())).nextAttemptAt(ApiTime.utcOrNull(message.nextAttemptAt()))
                .deliveredAt(ApiTime.utcOrNull(message.deliveredAt())).failedReason(message.failedReason());
    }
}
