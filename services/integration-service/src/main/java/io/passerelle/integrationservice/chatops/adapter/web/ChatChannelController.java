package io.passerelle.integrationservice.chatops.adapter.web;

import java.util.List;

import io.passerelle.integrationservice.api.ChatChannelsApi;
import io.passerelle.integrationservice.api.model.ChatChannel;
import io.passerelle.integrationservice.api.model.ChatChannelSettings;
import io.passerelle.integrationservice.chatops.ConfigureChatChannels;
import io.passerelle.platform.security.Roles;
import io.passerelle.platform.web.ApiTime;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ChatChannelController implements ChatChannelsApi {

    private final ConfigureChatChannels configure;

    ChatChannelController(ConfigureChatChannels configure) {
        this.configure = configure;
    }

    @Override
    @PreAuthorize("hasRole('" + Roles.OPERATOR + "')")
    @Transactional
    public ResponseEntity<ChatChannel> putChatChannel(String name, ChatChannelSettings settings) {
        var caller = SecurityContextHolder.getContext().getAuthentication();
        var channel = configure.put(name, settings.getKind().getValue(), settings.getWebhookUrl(),
                settings.getService(), settings.getEnvironment(), caller == null ? "unknown" : caller.getName());
        return ResponseEntity.ok(view(channel));
    }

    @Override
    @PreAuthorize("hasRole('" + Roles.OPERATOR + "')")
    @Transactional(readOnly = true)
    public ResponseEntity<List<ChatChannel>> listChatChannels() {
        return ResponseEntity.ok(configure.all().stream().map(ChatChannelController::view).toList());
    }

    @Override
    @PreAuthorize("hasRole('" + Roles.OPERATOR + "')")
    @Transactional
    public ResponseEntity<Void> deleteChatChannel(String name) {
        configure.delete(name);
        return ResponseEntity.noContent().build();
    }

    private static ChatChannel view(io.passerelle.integrationservice.chatops.ChatChannel channel) {
        return new ChatChannel(channel.name(), ChatChannel.KindEnum.fromValue(channel.kind().wire()),
                channel.webhookHost(), channel.actionTokenSealed() != null, ApiTime.utc(channel.updatedAt()),
                channel.updatedBy()).service(channel.service()).environment(channel.environment());
    }
}
