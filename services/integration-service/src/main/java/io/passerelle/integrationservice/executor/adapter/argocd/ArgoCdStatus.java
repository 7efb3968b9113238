package io.passerelle.integrationservice.executor.adapter.argocd;

import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * Where a sync Passerelle started stands, read from an application's {@code status.operationState} and
 * {@code status.health} (the same objects whether Passerelle asks for the application or Argo CD notifies it).
 */
public sealed interface ArgoCdStatus {

    /** The name of the operation info that carries Passerelle's deployment id. */
    String DEPLOYMENT_INFO = "passerelle-deployment";

    /** Not finished: the sync runs, or the application is synced but not healthy yet. */
    record Running(String what) implements ArgoCdStatus {
    }

    /** Synced at the revision asked for, and healthy. */
    record Succeeded(String revision) implements ArgoCdStatus {
    }

    /** A reason a release manager reads. */
    record Failed(String reason) implements ArgoCdStatus {
    }

    /** The deployment id in an operation's info, or null when the operation is not one Passerelle started. */
    static @org.jspecify.annotations.Nullable UUID deploymentOf(JsonNode operationState) {
        for (var info : operationState.path("operation").path("info")) {
            if (DEPLOYMENT_INFO.equals(info.path("name").asString())) {
                try {
                    return UUID.fromString(info.path("value").asString());
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** What {@code operationState} and {@code health} say of the sync of {@code operation}. */
    static ArgoCdStatus of(ArgoCdOperation operation, JsonNode operationState, JsonNode health) {
        if (operationState.isMissingNode() || operationState.isNull()) {
            return new Running("no sync recorded on " + operation.application() + " yet");
        }
        var ours = deploymentOf(operationState);
        if (!operation.deploymentId().equals(ours)) {
            return new Failed("Argo CD's last operation on " + operation.application() + " is not the sync of this"
                    + " deployment (another sync replaced it): its outcome cannot be told");
        }
        var phase = operationState.path("phase").asString();
        var message = operationState.path("message").asString();
        return switch (phase) {
            case "Failed", "Error" -> new Failed("sync " + phase.toLowerCase(java.util.Locale.ROOT) + ": " + message);
            case "Succeeded" -> healthOf(operation, operationState, health);
            default -> new Running("sync " + (phase.isEmpty() ? "pending" : phase) + (message.isEmpty() ? ""
                    : ": " + message));
        };
    }

    private static ArgoCdStatus healthOf(ArgoCdOperation operation, JsonNode operationState, JsonNode health) {
        var revision = operationState.path("syncResult").path("revision").asString();
        if (!revision.isEmpty() && !revision.equals(operation.revision())) {
            return new Failed("synced revision " + revision + ", not " + operation.revision());
        }
        var status = health.path("status").asString();
        var message = health.path("message").asString();
        return switch (status) {
            case "Healthy" -> new Succeeded(operation.revision());
            case "Degraded", "Missing" -> new Failed("synced, but health " + status + (message.isEmpty() ? ""
                    : ": " + message));
            default -> new Running("synced, health " + (status.isEmpty() ? "unknown" : status));
        };
    }
}
