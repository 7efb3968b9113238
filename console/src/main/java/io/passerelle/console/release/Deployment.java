package io.passerelle.console.release;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/** A deployment as the pages show it, read from the API's {@code DeploymentRecord} (tolerant: only these fields). */
public record Deployment(String id, String releaseId, String service, String environment, String version,
        String commitSha, String state, String kind, @Nullable String changeId, @Nullable String plannedAt,
        @Nullable String startedAt, @Nullable String finishedAt, @Nullable String reason, @Nullable String rollbackOf,
        @Nullable String incidentId, boolean automatic) {

    static Deployment of(Map<String, Object> record) {
        return new Deployment(text(record, "id"), text(record, "releaseId"), text(record, "service"),
                text(record, "environment"), text(record, "version"), text(record, "commitSha"), text(record, "state"),
                record.get("kind") == null ? "DEPLOY" : text(record, "kind"), optional(record, "changeId"),
                Moment.of(record.get("plannedAt")), Moment.of(record.get("startedAt")),
                Moment.of(record.get("finishedAt")), optional(record, "reason"), optional(record, "rollbackOf"),
                optional(record, "incidentId"), Boolean.TRUE.equals(record.get("automatic")));
    }

    /** The badge's tone: the state is always written beside it, the colour only repeats it. */
    public String tone() {
        return Deployment.tone(state);
    }

    static String tone(String state) {
        return switch (state) {
            case "SUCCEEDED" -> "ok";
            case "FAILED" -> "bad";
            case "CANCELLED" -> "warn";
            default -> "info";
        };
    }

    public boolean rollback() {
        return "ROLLBACK".equals(kind);
    }

    /** Whether a rollback may be asked for: a finished forward deployment (the service decides the rest). */
    public boolean finished() {
        return "SUCCEEDED".equals(state) || "FAILED".equals(state);
    }

    public String shortSha() {
        return commitSha.length() > 12 ? commitSha.substring(0, 12) : commitSha;
    }

    private static String text(Map<String, Object> record, String field) {
        Object value = record.get(field);
        return value == null ? "" : value.toString();
    }

    private static @Nullable String optional(Map<String, Object> record, String field) {
        Object value = record.get(field);
        return value == null ? null : value.toString();
    }
}
