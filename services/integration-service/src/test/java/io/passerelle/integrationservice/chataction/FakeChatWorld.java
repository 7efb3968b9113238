package io.passerelle.integrationservice.chataction;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays, on 127.0.0.1, what the chat actions call when no real Keycloak and services run (the e2e suite has the real
 * ones): Keycloak's token endpoint (client credentials of {@value #CLIENT}) and Admin REST API (users searched by
 * {@code q=<attribute>:<id>&exact=true}, their effective realm roles), the gateway's decision endpoints (refusing, as
 * change-service does, a decision by the change's requester with 403 segregation-of-duties), and Slack's
 * response_url. Everything received is kept.
 */
public final class FakeChatWorld implements AutoCloseable {

    public static final String CLIENT = "passerelle-chatops";
    public static final String SECRET = "chatops-secret-for-tests";
    private static final String TOKEN = "bridge-token-" + UUID.randomUUID();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern USERS = Pattern.compile("/admin/realms/passerelle/users");
    private static final Pattern ROLES = Pattern.compile("/admin/realms/passerelle/users/([^/]+)/role-mappings/realm/composite");
    private static final Pattern DECIDE = Pattern.compile("/api/v1/changes/([^/]+)/(approve|reject)");
    private static final Pattern OTHER = Pattern.compile(
            "/api/v1/incidents/[^/]+/suspects/[^/]+/confirm|/api/v1/deployments/[^/]+/rollback");

    private static FakeChatWorld shared;

    /** A request the fake gateway received: the path, the headers it reads, the body. */
    public record Call(String path, Map<String, String> headers, JsonNode body) {
    }

    private record User(String id, String username, Map<String, List<String>> attributes, Set<String> roles) {
    }

    private final HttpServer server;
    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final Map<String, String> requesters = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, List<JsonNode>> slackAnswers = new ConcurrentHashMap<>();

    private FakeChatWorld() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public static synchronized FakeChatWorld shared() {
        if (shared == null) {
            try {
                shared = new FakeChatWorld();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return shared;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A realm user linked to these chat ids (attribute name → value). */
    public void user(String username, Map<String, String> chatIds, String... roles) {
        var attributes = new java.util.HashMap<String, List<String>>();
        chatIds.forEach((name, value) -> attributes.put(name, List.of(value)));
        var id = UUID.randomUUID().toString();
        users.put(id, new User(id, username, attributes, Set.of(roles)));
    }

    /** The fake change-service: who raised this change (its decision by them is refused). */
    public void change(UUID id, String requester) {
        requesters.put(id.toString(), requester);
    }

    /** The calls whose path names this id (a change, an incident, a deployment). */
    public List<Call> calls(UUID change) {
        return calls.stream().filter(c -> c.path().contains(change.toString())).toList();
    }

    /** A Slack response_url of its own for one interaction. */
    public String responseUrl() {
        var key = UUID.randomUUID().toString();
        slackAnswers.put(key, new CopyOnWriteArrayList<>());
        return url() + "/slack/response/" + key;
    }

    public List<JsonNode> answers(String responseUrl) {
        return slackAnswers.getOrDefault(responseUrl.substring(responseUrl.lastIndexOf('/') + 1), List.of());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var path = exchange.getRequestURI().getPath();
            var body = exchange.getRequestBody().readAllBytes();
            if (path.equals("/realms/passerelle/protocol/openid-connect/token")) {
                var form = new String(body, StandardCharsets.UTF_8);
                if (!form.contains("client_id=" + CLIENT) || !form.contains("client_secret=" + SECRET)
                        || !form.contains("grant_type=client_credentials")) {
                    send(exchange, 401, Map.of("error", "invalid_client"));
                    return;
                }
                send(exchange, 200, Map.of("access_token", TOKEN, "expires_in", 300, "token_type", "Bearer"));
                return;
            }
            if (path.startsWith("/slack/response/")) {
                var answers = slackAnswers.get(path.substring("/slack/response/".length()));
                if (answers == null) {
                    send(exchange, 404, Map.of());
                    return;
                }
                answers.add(JSON.readTree(body));
                send(exchange, 200, Map.of("ok", true));
                return;
            }
            if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, Map.of("error", "not the bridge's token"));
                return;
            }
            if (USERS.matcher(path).matches()) {
                var query = URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
                var q = Pattern.compile("(?:^|&)q=([^&]*)").matcher(query);
                var wanted = q.find() ? q.group(1).split(":", 2) : new String[] { "", "" };
                var found = users.values().stream()
                        .filter(u -> u.attributes().getOrDefault(wanted[0], List.of()).stream()
                                .anyMatch(v -> v.equalsIgnoreCase(wanted[1])))
                        .map(u -> Map.of("id", u.id(), "username", u.username(), "enabled", true,
                                "attributes", u.attributes()))
                        .toList();
                send(exchange, 200, found);
                return;
            }
            var roles = ROLES.matcher(path);
            if (roles.matches()) {
                var user = users.get(roles.group(1));
                send(exchange, 200, user.roles().stream().map(r -> Map.of("name", r)).toList());
                return;
            }
            var decide = DECIDE.matcher(path);
            if (OTHER.matcher(path).matches()) {
                calls.add(new Call(path, Map.of("Passerelle-Acting-User",
                        exchange.getRequestHeaders().getFirst("Passerelle-Acting-User")), JSON.readTree(body)));
                send(exchange, path.endsWith("/rollback") ? 201 : 200, Map.of());
                return;
            }
            if (decide.matches()) {
                var headers = new java.util.HashMap<String, String>();
                for (var name : List.of("Passerelle-Acting-User", "Passerelle-Acting-Roles",
                        "Passerelle-Acting-Github")) {
                    var value = exchange.getRequestHeaders().getFirst(name);
                    if (value != null) {
                        headers.put(name, value);
                    }
                }
                calls.add(new Call(path, headers, JSON.readTree(body)));
                var acting = headers.get("Passerelle-Acting-User");
                if (acting != null && acting.equals(requesters.get(decide.group(1)))) {
                    exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
                    send(exchange, 403, Map.of("type", "https://passerelle.io/problems/segregation-of-duties",
                            "title", "Segregation of duties", "status", 403,
                            "detail", acting + " raised this change and may not decide on it"));
                    return;
                }
                send(exchange, 200, Map.of("id", decide.group(1), "state", "SCHEDULED"));
                return;
            }
            send(exchange, 404, Map.of());
        }
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        var bytes = JSON.writeValueAsBytes(body);
        if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
