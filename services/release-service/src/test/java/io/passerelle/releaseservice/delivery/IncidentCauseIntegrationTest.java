package io.passerelle.releaseservice.delivery;

import static io.passerelle.platform.test.EventContracts.assertConforms;
import static io.passerelle.platform.test.EventContracts.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.passerelle.platform.event.CloudEvent;
import io.passerelle.platform.test.EventProbe;
import io.passerelle.platform.test.TestJwts;
import io.passerelle.releaseservice.ReleaseServiceIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.node.ObjectNode;

/**
 * incident-service's confirmed causes and resolutions reach the DORA figures: a successful deployment that caused an
 * incident is a change failure, recovered when its incident is resolved; each deployment counts once.
 */
@ReleaseServiceIntegrationTest
class IncidentCauseIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired EventProbe events;

    DeliveryHistoryFixture history;
    UUID first;
    UUID second;

    /** Two successful production deployments in the week [10-01, 10-08). */
    @BeforeEach
    void twoSuccesses() throws Exception {
        history = new DeliveryHistoryFixture(mvc, jdbc);
        first = history.deployment("production", "SUCCEEDED", Instant.parse("2026-10-01T06:00:00Z"), null);
        second = history.deployment("production", "SUCCEEDED", Instant.parse("2026-10-03T06:00:00Z"), null);
    }

    @Test
    void a_deployment_confirmed_as_an_incident_s_cause_is_a_change_failure_recovered_when_the_incident_resolves()
            throws Exception {
        var incident = UUID.randomUUID();
        dora().andExpect(jsonPath("$.changeFailureRate.failures").value(0));

        var confirmed = awaitProcessed(confirm(incident, first));

        dora().andExpect(jsonPath("$.changeFailureRate.failures").value(1))
                .andExpect(jsonPath("$.changeFailureRate.finishedDeployments").value(2))
                .andExpect(jsonPath("$.changeFailureRate.rate").value(0.5))
                .andExpect(jsonPath("$.changeFailureRate.deployments.items[0].id").value(first.toString()))
                .andExpect(jsonPath("$.changeFailureRate.deployments.items[0].result").value("SUCCEEDED"))
                .andExpect(jsonPath("$.changeFailureRate.deployments.items[0].causedIncidents[0]")
                        .value(incident.toString()))
                .andExpect(jsonPath("$.deploymentFrequency.deployments.items[0].causedIncidents").doesNotExist())
                .andExpect(jsonPath("$.failedDeploymentRecoveryTime.unrecovered").value(1))
                .andExpect(jsonPath("$.failedDeploymentRecoveryTime.recovered").value(0));

        awaitProcessed(resolve(incident, Instant.parse("2026-10-01T08:30:00Z")));

        dora().andExpect(jsonPath("$.failedDeploymentRecoveryTime.recovered").value(1))
                .andExpect(jsonPath("$.failedDeploymentRecoveryTime.unrecovered").value(0))
                .andExpect(jsonPath("$.failedDeploymentRecoveryTime.medianSeconds").value(2.5 * 3600))
                .andExpect(jsonPath("$.failedDeploymentRecoveryTime.deployments.items[0].recoveredAt")
                        .value("2026-10-01T08:30:00Z"));

        // the same CloudEvent again, another incident of the same deployment: still one failure of two
        events.publish(confirmed);
        awaitProcessed(confirm(UUID.randomUUID(), first));
        dora().andExpect(jsonPath("$.changeFailureRate.failures").value(1))
                .andExpect(jsonPath("$.changeFailureRate.deployments.items[0].causedIncidents.length()").value(2))
                .andExpect(jsonPath("$.failedDeploymentRecoveryTime.unrecovered").value(1));
        assertThat(jdbc.sql("select count(*) from incident_cause where incident_id = :id").param("id", incident)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void a_resolution_that_arrives_before_the_confirmation_and_a_later_one_after_a_reopening_are_kept() throws Exception {
        var incident = UUID.randomUUID();
        awaitProcessed(resolve(incident, Instant.parse("2026-10-03T07:00:00Z")));
        awaitProcessed(resolve(incident, Instant.parse("2026-10-03T09:00:00Z")));
        awaitProcessed(resolve(incident, Instant.parse("2026-10-03T08:00:00Z"))); // an older notice, late

        awaitProcessed(confirm(incident, second));

        dora().andExpect(jsonPath("$.changeFailureRate.failures").value(1))
                .andExpect(jsonPath("$.failedDeploymentRecoveryTime.recovered").value(1))
                .andExpect(jsonPath("$.failedDeploymentRecoveryTime.medianSeconds").value(3 * 3600.0));
    }

    @Test
    void a_failed_deployment_that_also_caused_an_incident_counts_once_and_recovers_at_the_later_of_the_two()
            throws Exception {
        var failed = history.deployment("production", "FAILED", Instant.parse("2026-10-02T00:00:00Z"), null);
        var incident = UUID.randomUUID();
        awaitProcessed(confirm(incident, failed));
        awaitProcessed(resolve(incident, Instant.parse("2026-10-04T00:00:00Z")));

        // failed at 10-02 00:00; next success 10-03 06:00 (30 h); incident resolved 10-04 00:00 (48 h): the later
        dora().andExpect(jsonPath("$.changeFailureRate.failures").value(1))
                .andExpect(jsonPath("$.changeFailureRate.finishedDeployments").value(3))
                .andExpect(jsonPath("$.failedDeploymentRecoveryTime.medianSeconds").value(48 * 3600.0));
    }

    private ResultActions dora() throws Exception {
        return mvc.perform(get("/api/v1/metrics/dora").param("service", history.service)
                        .param("from", "2026-10-01T00:00:00Z").param("to", "2026-10-08T00:00:00Z")
                        .with(TestJwts.user("rhea", "release-manager")))
                .andExpect(status().isOk());
    }

    private CloudEvent confirm(UUID incident, UUID deployment) {
        var data = (ObjectNode) recorded("incident.cause-confirmed.v1");
        data.put("incidentId", incident.toString()).put("deploymentId", deployment.toString())
                .put("service", history.service).put("environment", "production");
        return assertConforms(events.publish("incident.cause-confirmed.v1", incident.toString(), data));
    }

    private CloudEvent resolve(UUID incident, Instant at) {
        var data = (ObjectNode) recorded("incident.resolved.v1");
        data.put("incidentId", incident.toString()).put("service", history.service).put("environment", "production")
                .put("resolvedAt", at.toString());
        return assertConforms(events.publish("incident.resolved.v1", incident.toString(), data));
    }

    private CloudEvent awaitProcessed(CloudEvent event) {
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from processed_message where message_id = :id").param("id", event.id())
                .query(Integer.class).single() == 1);
        return event;
    }
}
