package io.passerelle.integrationservice.executor.adapter.argocd;

import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the body Argo CD's notification controller posts with the {@value #TEMPLATE} template
 * (docs/executors/argocd.md): {@code {"application": …, "operationState": …, "health": …}}, the application's own
 * status objects rendered with {@code toJson}. The deployment comes from the operation's info; a notification of an
 * operation Passerelle did not start has none.
 */
public final class ArgoCdNotification {

    public static final String TEMPLATE = "passerelle-sync-outcome";

    /** A notification of a sync Passerelle started: which deployment, and where it stands. */
    public record Notified(UUID deploymentId, String application, ArgoCdStatus status) {
    }

    private final JsonMapper json;

    public ArgoCdNotification(JsonMapper json) {
        this.json = json;
    }

    /**
     * The deployment a notification is about, to find the sync Passerelle started for it.
     *
     * @return empty when the notification is of an operation Passerelle did not start
     * @throws IllegalArgumentException when the body is not the template's
     */
    public Optional<UUID> deploymentOf(byte[] body) {
        var operationState = parse(body).path("operationState");
        return Optional.ofNullable(ArgoCdStatus.deploymentOf(operationState));
    }

    /**
     * What the notification says of {@code operation} (the sync Passerelle started for that deployment).
     *
     * @throws IllegalArgumentException when the body is not the template's, or of another application
     */
    public Notified read(byte[] body, ArgoCdOperation operation) {
        var root = parse(body);
        var application = root.path("application").asString();
        if (!application.equals(operation.application())) {
            throw new IllegalArgumentException("the notification is of application '" + application + "', not "
                    + operation.application());
        }
        return new Notified(operation.deploymentId(), application,
                ArgoCdStatus.of(operation, root.path("operationState"), root.path("health")));
    }

    private JsonNode parse(byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the notification is not JSON");
        }
        if (!root.isObject() || !root.path("application").isString() || !root.path("operationState").isObject()) {
            throw new IllegalArgumentException("the notification is not the " + TEMPLATE + " template's body"
                    + " (application and operationState expected)");
        }
        return root;
    }
}
