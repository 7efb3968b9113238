package io.passerelle.integrationservice.chataction.adapter.slack;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.passerelle.integrationservice.chataction.port.ChatReplies;
import io.passerelle.platform.outbound.OutboundGuard;
import io.passerelle.platform.outbound.OutboundVerdict;
import io.passerelle.platform.outbound.PinnedHttpClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts the answer to the interaction's {@code response_url} as an ephemeral message (only the clicking user sees it;
 * the original message stays). The URL came in a signed request, yet it is still held to Slack's hosts
 * ({@code passerelle.chatops.slack.response-hosts}) and checked by the {@link OutboundGuard} at every call, the
 * connection pinned to the checked addresses.
 */
public final class SlackResponseUrl implements ChatReplies {

    private final OutboundGuard guard;
    private final PinnedHttpClient http;
    private final Set<String> hosts;
    private final JsonMapper json;

    public SlackResponseUrl(OutboundGuard guard, PinnedHttpClient http, Set<String> hosts, JsonMapper json) {
        this.guard = guard;
        this.http = http;
        this.hosts = Set.copyOf(hosts);
        this.json = json;
    }

    @Override
    public void slack(String responseUrl, String text) {
        var verdict = guard.check(responseUrl);
        if (!(verdict instanceof OutboundVerdict.Admitted admitted)) {
            throw new ReplyFailedException("response_url refused by the outbound guard: " + verdict,
                    verdict instanceof OutboundVerdict.Unresolved);
        }
        if (!hosts.contains(admitted.url().host().toLowerCase(Locale.ROOT))) {
            throw new ReplyFailedException("response_url is not on a Slack host (passerelle.chatops.slack"
                    + ".response-hosts): " + admitted.url().host(), false);
        }
        var body = json.writeValueAsBytes(Map.of("response_type", "ephemeral", "replace_original", false,
                "text", text));
        try {
            var answer = http.post(admitted, Map.of("Content-Type", "application/json"), body, 0);
            var status = answer.status();
            if (status >= 300) {
                throw new ReplyFailedException("Slack answered " + status,
                        status >= 500 || status == 408 || status == 429);
            }
        } catch (IOException e) {
            throw new ReplyFailedException("Slack could not be reached: " + e, true);
        }
    }
}
