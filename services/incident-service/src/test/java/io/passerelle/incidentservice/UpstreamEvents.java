package io.passerelle.incidentservice;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import io.passerelle.platform.event.CloudEvent;
import io.passerelle.platform.test.EventProbe;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Publishes the events other services would, shaped as their schemas say, for the integration tests. */
final class UpstreamEvents {

    private final EventProbe probe;
    private final JdbcClient jdbc;

    UpstreamEvents(EventProbe probe, JdbcClient jdbc) {
        this.probe = probe;
        this.jdbc = jdbc;
    }

    /** A service name of its own per test, so that tests sharing the schema never see each other's data. */
    static String newService() {
        return "svc-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Events of that service; an unattributed incident's (no service) is none of them. */
    static Predicate<JsonNode> ofService(String service) {
        return data -> service.equals(data.path("service").asString());
    }

    UUID deployed(String outcome, String service, String environment, Instant finishedAt) {
        return deployed(outcome, service, environment, null, finishedAt).deploymentId();
    }

    /** A deployment (with its start, if given) under a change of its own, as release-service reports it. */
    Deployed deployed(String outcome, String service, String environment, @Nullable Instant startedAt,
            Instant finishedAt) {
        var id = UUID.randomUUID();
        var change = UUID.randomUUID();
        var data = new HashMap<String, Object>(Map.of("deploymentId", id.toString(),
                "releaseId", UUID.randomUUID().toString(), "changeId", change.toString(),
                "service", service, "environment", environment, "version", "1.4." + id.toString().substring(0, 4),
                "commitSha", "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b", "finishedAt", finishedAt.toString()));
        if (startedAt != null) {
            data.put("startedAt", startedAt.toString());
        }
        if (outcome.equals("FAILED")) {
            data.put("reason", "health check failed");
        }
        var event = probe.publish(outcome.equals("FAILED") ? "deployment.failed.v1" : "deployment.succeeded.v1",
                id.toString(), data);
        return new Deployed(id, change, event);
    }

    /** A deployment as reported, and the event that reported it. */
    record Deployed(UUID deploymentId, UUID changeId, CloudEvent event) {
    }

    /** change-service raised the change (for a deployment) with its risk score. */
    CloudEvent changeRaised(UUID changeId, String service, String type, int risk) {
        return probe.publish("change.raised.v1", changeId.toString(), Map.of("changeId", changeId.toString(),
                "type", type, "state", "PENDING_APPROVAL", "service", service, "environment", "production",
                "title", "Deploy " + service, "requestedBy", "pipeline:octocat", "raisedAt", Instant.now().toString(),
                "risk", Map.of("score", risk, "factors", java.util.List.of(), "assessedAt", Instant.now().toString())));
    }

    void awaitProcessed(CloudEvent event) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
                "select count(*) from processed_message where message_id = :id").param("id", event.id())
                .query(Integer.class).single() == 1);
    }

    void awaitProjected(String service, int deployments) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
                "select count(*) from deployment where service = :service").param("service", service)
                .query(Integer.class).single() == deployments);
    }

    CloudEvent fired(String fingerprint, String service, String severity, Instant startsAt) {
        return probe.publish("alert.fired.v1", fingerprint, Map.of("fingerprint", fingerprint,
                "alertName", "HighErrorRate", "service", service, "environment", "production",
                "severity", severity, "startsAt", startsAt.toString(),
                "labels", Map.of("alertname", "HighErrorRate", "team", "payments")));
    }

    /** An alert whose labels name no Passerelle service and environment: integration-service leaves both out. */
    CloudEvent firedUnattributed(String fingerprint, String severity, Instant startsAt) {
        return probe.publish("alert.fired.v1", fingerprint, Map.of("fingerprint", fingerprint,
                "alertName", "DiskFull", "severity", severity, "startsAt", startsAt.toString(),
                "labels", Map.of("alertname", "DiskFull", "instance", "db-7:9100")));
    }

    /** The alert cleared; {@code service} null for an unattributed one. */
    CloudEvent resolved(String fingerprint, String service, Instant startsAt, Instant endsAt) {
        var data = new HashMap<String, Object>(Map.of("fingerprint", fingerprint, "alertName", "HighErrorRate",
                "startsAt", startsAt.toString(), "endsAt", endsAt.toString()));
        if (service != null) {
            data.put("service", service);
            data.put("environment", "production");
        }
        return probe.publish("alert.resolved.v1", fingerprint, data);
    }
}
