package io.passerelle.integrationservice.chataction.adapter.keycloak;

import java.util.Map;
import java.util.TreeSet;

import io.passerelle.integrationservice.chataction.ChatAction;
import io.passerelle.integrationservice.chataction.RealmUser;
import io.passerelle.integrationservice.chataction.ServiceAnswer;
import io.passerelle.integrationservice.chataction.port.ActingCalls;
import io.passerelle.platform.security.ActingUser;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the service's own endpoint through the gateway ({@code passerelle.chatops.api}) with the bridge's token and
 * the acting user's name, roles and GitHub logins in the headers the platform reads ({@link ActingUser}): the service
 * applies its roles and segregation of duties to that user.
 */
public final class GatewayActingCalls implements ActingCalls {

    private final RestClient http;
    private final ClientCredentials credentials;
    private final String api;
    private final JsonMapper json;

    public GatewayActingCalls(RestClient http, ClientCredentials credentials, String api, JsonMapper json) {
        this.http = http;
        this.credentials = credentials;
        this.api = api;
        this.json = json;
    }

    @Override
    public ServiceAnswer perform(ChatAction action, RealmUser as) {
        var via = "from chat by " + as.username();
        var request = switch (action.kind()) {
            case APPROVE_CHANGE -> call("/api/v1/changes/{id}/approve", Map.of("comment", "approved " + via),
                    action.subject());
            case REJECT_CHANGE -> call("/api/v1/changes/{id}/reject", Map.of("reason", "rejected " + via),
                    action.subject());
            case CONFIRM_SUSPECT -> call("/api/v1/incidents/{id}/suspects/{deploymentId}/confirm",
                    Map.of("reason", "confirmed " + via), action.subject(), action.deployment());
            case START_ROLLBACK -> call("/api/v1/deployments/{id}/rollback", Map.of("reason", "rollback for incident "
                    + action.subject() + ", started " + via, "emergency", true), action.deployment());
        };
        String token;
        try {
            token = credentials.token();
        } catch (RuntimeException e) {
            return new ServiceAnswer(0, null, e.getMessage());
        }
        try {
            return request.header("Authorization", "Bearer " + token)
                    .header(ActingUser.USER_HEADER, as.username())
                    .header(ActingUser.ROLES_HEADER, String.join(",", new TreeSet<>(as.roles())))
                    .header(ActingUser.GITHUB_HEADER, String.join(",", new TreeSet<>(as.githubLogins())))
                    .exchange((req, res) -> {
                        var status = res.getStatusCode().value();
                        if (status < 300) {
                            return new ServiceAnswer(status, null, null);
                        }
                        var body = res.getBody().readNBytes(64 * 1024);
                        try {
                            var problem = json.readTree(body);
                            return new ServiceAnswer(status, text(problem, "title"), text(problem, "detail"));
                        } catch (RuntimeException notJson) {
                            return new ServiceAnswer(status, null, null);
                        }
                    });
        } catch (ResourceAccessException e) {
            return new ServiceAnswer(0, null, e.getMessage());
        }
    }

    private RestClient.RequestBodySpec call(String path, Map<String, Object> body, Object... ids) {
        return http.post().uri(api + path, ids).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static String text(JsonNode problem, String field) {
        return problem.hasNonNull(field) ? problem.get(field).asString() : null;
    }
}
