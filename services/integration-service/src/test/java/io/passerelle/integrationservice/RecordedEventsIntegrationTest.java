package io.passerelle.integrationservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.passerelle.integrationservice.executor.FakeDeployTarget;
import io.passerelle.platform.crypto.SecretSealer;
import io.passerelle.platform.test.EventContracts;
import io.passerelle.platform.test.EventProbe;
import io.passerelle.platform.test.PasserelleIntegrationTest;
import io.passerelle.platform.test.TestEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.node.ObjectNode;

/**
 * Replays what the producers recorded (api-specs/events/examples) into this service's consumers: the events it
 * handles, in the shapes they are really sent, only the ids changed to fit this test's data.
 */
@PasserelleIntegrationTest
@AutoConfigureMockMvc // the other integration tests' context: one context at a time on the test queues
class RecordedEventsIntegrationTest {

    @Autowired EventProbe events;
    @Autowired JdbcClient jdbc;

    final String suffix = UUID.randomUUID().toString().substring(0, 8);
    final String service = "svc-" + suffix;

    ObjectNode recorded(String type) {
        return (ObjectNode) EventContracts.recorded(type);
    }

    /** service.registered.v1 as release-service sends it, for a service of this test, with a secret sealed here. */
    void register() {
        var registered = recorded("service.registered.v1");
        registered.put("service", service);
        registered.put("repository", "octo-org/Repo-" + suffix);
        registered.put("webhookSecretSealed", new SecretSealer(TestEvents.SECRETS_KEY).seal("secret-" + suffix));
        events.publish("service.registered.v1", service, registered);
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql("""
                select count(*) from cataloged_service
                where service = :s and repository = :r and default_branch = 'main'""")
                .param("s", service).param("r", "octo-org/Repo-" + suffix).query(Integer.class).single() == 1);
    }

    UUID requestDeployment(FakeDeployTarget target) {
        var deploymentId = UUID.randomUUID();
        var requested = recorded("deployment.requested.v1");
        requested.put("deploymentId", deploymentId.toString());
        requested.put("service", service);
        ((ObjectNode) requested.get("target")).put("url", target.url());
        events.publish("deployment.requested.v1", deploymentId.toString(), requested);
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
                "select count(*) from deployment_dispatch where deployment_id = :id and state = 'DISPATCHED'")
                .param("id", deploymentId).query(Integer.class).single() == 1);
        return deploymentId;
    }

    void reportOutcome(String type, UUID deploymentId) {
        var outcome = recorded(type);
        outcome.put("deploymentId", deploymentId.toString());
        outcome.put("service", service);
        events.publish(type, deploymentId.toString(), outcome);
    }

    Map<String, Object> dispatch(UUID deploymentId) {
        return jdbc.sql("select state, outcome from deployment_dispatch where deployment_id = :id")
                .param("id", deploymentId).query().singleRow();
    }

    @Test
    void the_recorded_service_registered_fills_the_catalog() {
        register();
    }

    @Test
    void the_recorded_deployment_requested_is_posted_to_its_target_and_the_recorded_outcomes_settle_it()
            throws Exception {
        register();
        try (var target = new FakeDeployTarget(202)) {
            var succeeded = requestDeployment(target);
            var failed = requestDeployment(target);
            var body = new String(target.received().getFirst().body(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(body).contains("\"environment\":\"production\"", "\"version\":\"3f2a9c1e7b4d\"",
                    "\"commitSha\":\"3f2a9c1e7b4d5a6f8e9d0c1b2a3f4e5d6c7b8a9f\"");

            reportOutcome("deployment.succeeded.v1", succeeded);
            reportOutcome("deployment.failed.v1", failed);

            await().atMost(Duration.ofSeconds(10)).until(() -> dispatch(succeeded).get("state").equals("SETTLED")
                    && dispatch(failed).get("state").equals("SETTLED"));
            assertThat(dispatch(succeeded)).containsEntry("outcome", "SUCCEEDED");
            assertThat(dispatch(failed)).containsEntry("outcome", "FAILED");
        }
    }
}
