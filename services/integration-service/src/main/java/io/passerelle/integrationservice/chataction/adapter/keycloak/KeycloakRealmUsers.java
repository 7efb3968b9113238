package io.passerelle.integrationservice.chataction.adapter.keycloak;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.passerelle.integrationservice.chataction.ChatUser;
import io.passerelle.integrationservice.chataction.RealmUser;
import io.passerelle.integrationservice.chataction.port.RealmUsers;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Finds the realm user a chat user is linked to through Keycloak's Admin REST API, with the bridge's token (service
 * account roles {@code view-users}, {@code query-users}): {@code GET /admin/realms/{realm}/users?q=<attribute>:<id>&exact=true}
 * (an enabled user whose attribute is exactly that id; none or several → not linked), then the user's effective realm
 * roles ({@code role-mappings/realm/composite}). Kept for {@code ttl} (a minute), so a role taken away or a link
 * removed takes effect within it; a user not found is not kept.
 */
public final class KeycloakRealmUsers implements RealmUsers {

    private record Cached(RealmUser user, Instant until) {
    }

    private final RestClient http;
    private final ClientCredentials credentials;
    private final String adminRealmUrl;
    private final Clock clock;
    private final Duration ttl;
    private final Map<ChatUser, Cached> cache = new ConcurrentHashMap<>();

    /** @param adminRealmUrl e.g. {@code http://127.0.0.1:8180/admin/realms/passerelle} */
    public KeycloakRealmUsers(RestClient http, ClientCredentials credentials, String adminRealmUrl, Clock clock,
            Duration ttl) {
        this.http = http;
        this.credentials = credentials;
        this.adminRealmUrl = adminRealmUrl;
        this.clock = clock;
        this.ttl = ttl;
    }

    @Override
    public Optional<RealmUser> linkedTo(ChatUser user) {
        var now = clock.instant();
        var cached = cache.get(user);
        if (cached != null && now.isBefore(cached.until())) {
            return Optional.of(cached.user());
        }
        var found = lookUp(user);
        found.ifPresentOrElse(u -> cache.put(user, new Cached(u, now.plus(ttl))), () -> cache.remove(user));
        return found;
    }

    private Optional<RealmUser> lookUp(ChatUser user) {
        var bearer = "Bearer " + credentials.token();
        URI search = UriComponentsBuilder.fromUriString(adminRealmUrl + "/users")
                .queryParam("q", "{q}").queryParam("exact", "true").queryParam("enabled", "true")
                .queryParam("briefRepresentation", "false")
                .buildAndExpand(user.platform().attribute() + ":" + user.id()).encode().toUri();
        var users = http.get().uri(search).header("Authorization", bearer).retrieve().body(JsonNode.class);
        if (users == null || !users.isArray()) {
            return Optional.empty();
        }
        JsonNode match = null;
        for (var candidate : users) {
            // whatever the q= search matched, only a user whose value is exactly this id counts
            var values = candidate.path("attributes").path(user.platform().attribute());
            var exact = false;
            for (var value : values) {
                exact |= value.asString().equals(user.id());
            }
            if (exact && candidate.path("enabled").asBoolean(false)) {
                if (match != null) {
                    return Optional.empty(); // two realm users claim the same chat user: neither is trusted
                }
                match = candidate;
            }
        }
        if (match == null) {
            return Optional.empty();
        }
        var roles = http.get().uri(adminRealmUrl + "/users/{id}/role-mappings/realm/composite", match.get("id").asString())
                .header("Authorization", bearer).retrieve().body(JsonNode.class);
        Set<String> names = new HashSet<>();
        if (roles != null) {
            roles.forEach(role -> names.add(role.path("name").asString()));
        }
        Set<String> logins = new HashSet<>();
        match.path("attributes").path("github").forEach(login -> logins.add(login.asString()));
        return Optional.of(new RealmUser(match.get("username").asString(), names, logins));
    }
}
