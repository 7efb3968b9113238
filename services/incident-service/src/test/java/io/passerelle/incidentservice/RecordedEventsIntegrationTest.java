package io.passerelle.incidentservice;

import static io.passerelle.incidentservice.UpstreamEvents.newService;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.platform.test.EventContracts;
import io.passerelle.platform.test.EventProbe;
import io.passerelle.platform.test.PasserelleIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.node.ObjectNode;

/** What the producers really send (api-specs/events/examples), fed to our handlers: today's shapes still work. */
@PasserelleIntegrationTest
class RecordedEventsIntegrationTest {

    @Autowired EventProbe probe;
    @Autowired JdbcClient jdbc;

    @Test
    void recorded_deployments_and_alerts_open_and_resolve_an_incident_with_its_suspects() {
        var service = newService();
        var fingerprint = "fp-" + UUID.randomUUID();
        var succeeded = feed("deployment.succeeded.v1", service);
        var failed = feed("deployment.failed.v1", service);
        new UpstreamEvents(probe, jdbc).awaitProjected(service, 2);
        assertThat(jdbc.sql("select outcome from deployment where deployment_id = :id").param("id", failed)
                .query(String.class).single()).isEqualTo("FAILED");

        var fired = recorded("alert.fired.v1", service).put("fingerprint", fingerprint)
                .put("startsAt", "2026-03-01T11:20:00Z");
        probe.publish("alert.fired.v1", fingerprint, fired);

        var opened = probe.await("incident.opened.v1", data -> service.equals(data.path("service").asString())).data();
        assertThat(opened.get("title").asString()).isEqualTo(fired.get("summary").asString());
        assertThat(opened.get("priority").asString()).isEqualTo("P1");
        var suspects = opened.get("suspects");
        // the succeeded one finished 11:09:42.5, the failed one 11:07:15: close in time, the failure ranks first
        assertThat(suspects.get(0).get("deploymentId").asString()).isEqualTo(failed.toString());
        assertThat(suspects.get(0).get("outcome").asString()).isEqualTo("FAILED");
        assertThat(suspects.get(1).get("deploymentId").asString()).isEqualTo(succeeded.toString());
        assertThat(jdbc.sql("select started_at is not null from deployment where deployment_id = :id")
                .param("id", succeeded).query(Boolean.class).single()).as("startedAt kept").isTrue();

        probe.publish("alert.resolved.v1", fingerprint, recorded("alert.resolved.v1", service)
                .put("fingerprint", fingerprint).put("startsAt", "2026-03-01T11:20:00Z")
                .put("endsAt", "2026-03-01T11:47:30Z"));

        var resolved = EventContracts.assertConforms(probe.await("incident.resolved.v1",
                data -> service.equals(data.path("service").asString()))).data();
        assertThat(resolved.get("incidentId")).isEqualTo(opened.get("incidentId"));
        assertThat(Instant.parse(resolved.get("resolvedAt").asString())).isEqualTo("2026-03-01T11:47:30Z");
        assertThat(resolved.get("timeToRestoreSeconds").asLong()).isEqualTo(27 * 60 + 30);
    }

    /** The recorded example of a deployment event, as a deployment of its own of the test's service. */
    private UUID feed(String type, String service) {
        var id = UUID.randomUUID();
        probe.publish(type, id.toString(), recorded(type, service).put("deploymentId", id.toString()));
        return id;
    }

    private static ObjectNode recorded(String type, String service) {
        return ((ObjectNode) EventContracts.recorded(type)).put("service", service).put("environment", "production");
    }
}
