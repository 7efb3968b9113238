package io.passerelle.integrationservice.chatops;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

import io.passerelle.integrationservice.chatops.port.ChatChannels;
import io.passerelle.platform.crypto.SecretSealer;
import io.passerelle.platform.domain.NotFoundException;
import io.passerelle.platform.domain.RuleViolationException;
import io.passerelle.platform.outbound.OutboundGuard;
import io.passerelle.platform.outbound.OutboundVerdict;
import org.jspecify.annotations.Nullable;

/**
 * Registers, lists and removes chat channels. The webhook URL passes the outbound guard (malformed: 400; an address
 * Passerelle never calls, or an internal one not allowed: 422; a name that does not resolve yet is accepted, it is
 * judged again at every post) and is sealed at once; only its host is ever shown. A Mattermost channel gets an action
 * token (32 random bytes, base64url, sealed) when it is created, kept when it is updated.
 */
public final class ConfigureChatChannels {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ChatChannels channels;
    private final SecretSealer sealer;
    private final OutboundGuard guard;
    private final Clock clock;

    public ConfigureChatChannels(ChatChannels channels, SecretSealer sealer, OutboundGuard guard, Clock clock) {
        this.channels = channels;
        this.sealer = sealer;
        this.guard = guard;
        this.clock = clock;
    }

    /**
     * @throws IllegalArgumentException a name, kind, URL or filter that cannot be used (400); nothing is written
     * @throws RuleViolationException a URL the guard refuses (422)
     */
    public ChatChannel put(String name, String kindName, String webhookUrl, @Nullable String service,
            @Nullable String environment, String by) {
        if (!name.matches(ChatChannel.NAME)) {
            throw new IllegalArgumentException("name: lower-case letters, digits and dashes, at most 63: " + name);
        }
        var kind = ChatKind.of(kindName).orElseThrow(() -> new IllegalArgumentException(
                "kind: slack or mattermost, not " + kindName));
        for (var filter : new String[] {service, environment}) {
            if (filter != null && !filter.matches(ChatChannel.NAME)) {
                throw new IllegalArgumentException("service / environment: a catalog name, not " + filter);
            }
        }
        switch (guard.check(webhookUrl)) {
            case OutboundVerdict.Malformed malformed -> throw new IllegalArgumentException("webhookUrl: "
                    + malformed.reason());
            case OutboundVerdict.Forbidden forbidden -> throw RuleViolationException.unprocessable("webhookUrl is "
                    + "refused: " + forbidden.reason());
            case OutboundVerdict.Admitted admitted -> { }
            case OutboundVerdict.Unresolved unresolved -> { }
        }
        var previous = channels.named(name);
        String token = null;
        if (kind == ChatKind.MATTERMOST) {
            token = previous.filter(p -> p.kind() == ChatKind.MATTERMOST).map(ChatChannel::actionTokenSealed)
                    .orElseGet(() -> sealer.seal(newToken()));
        }
        var channel = new ChatChannel(name, kind, sealer.seal(webhookUrl), URI.create(webhookUrl).getHost(), token,
                service, environment, clock.instant(), by);
        channels.save(channel);
        return channel;
    }

    public List<ChatChannel> all() {
        return channels.all();
    }

    public void delete(String name) {
        if (!channels.delete(name)) {
            throw new NotFoundException("chat channel", name);
        }
    }

    private static String newToken() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
