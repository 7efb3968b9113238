package io.passerelle.integrationservice.executor.adapter.argocd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body Argo CD's notification controller posts with Passerelle's template (docs/executors/argocd.md): the
 * application's name, and its {@code status.operationState} and {@code status.health} rendered with toJson.
 */
class ArgoCdNotificationTest {

    static final UUID DEPLOYMENT = UUID.fromString("5f0c6a52-1b7e-4c39-9f5d-2a8e7d1c4b60");
    static final String REVISION = "a10867b14bb761a232cd80139fbd4c0d33264240";
    static final ArgoCdOperation OPERATION = new ArgoCdOperation("payments", REVISION, DEPLOYMENT);

    final ArgoCdNotification notifications = new ArgoCdNotification(JsonMapper.builder().build());

    static byte[] body(String deployment, String phase, String message, String health) {
        return ("""
                {"application": "payments",
                 "operationState": {"operation": {"sync": {"revision": "%2$s"},
                     "info": [{"name": "passerelle-release", "value": "payments 1.4.2"},
                              {"name": "passerelle-deployment", "value": "%1$s"}],
                     "initiatedBy": {"username": "passerelle"}, "retry": {}},
                   "phase": "%3$s", "message": "%4$s", "startedAt": "2026-11-30T07:00:00Z",
                   "finishedAt": "2026-11-30T07:01:12Z",
                   "syncResult": {"revision": "%2$s", "resources": [{"kind": "Deployment", "name": "payments",
                     "status": "Synced", "message": "deployment.apps/payments configured"}]}},
                 "health": {"status": "%5$s", "lastTransitionTime": "2026-11-30T07:01:40Z"}}
                """).formatted(deployment, REVISION, phase, message, health).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void on_deployed_the_sync_succeeded_and_the_application_is_healthy() {
        var body = body(DEPLOYMENT.toString(), "Succeeded", "successfully synced (all tasks run)", "Healthy");

        assertThat(notifications.deploymentOf(body)).contains(DEPLOYMENT);
        assertThat(notifications.read(body, OPERATION)).isEqualTo(new ArgoCdNotification.Notified(DEPLOYMENT,
                "payments", new ArgoCdStatus.Succeeded(REVISION)));
    }

    @Test
    void on_sync_failed_and_on_health_degraded_fail_the_deployment_with_what_argo_said() {
        assertThat(notifications.read(body(DEPLOYMENT.toString(), "Error", "ComparisonError: rpc error", "Unknown"),
                OPERATION).status()).isEqualTo(new ArgoCdStatus.Failed("sync error: ComparisonError: rpc error"));
        assertThat(notifications.read(body(DEPLOYMENT.toString(), "Succeeded", "successfully synced", "Degraded"),
                OPERATION).status()).isEqualTo(new ArgoCdStatus.Failed("synced, but health Degraded"));
    }

    @Test
    void a_notification_of_a_sync_passerelle_did_not_start_names_no_deployment() {
        var body = new String(body("x", "Succeeded", "ok", "Healthy"), StandardCharsets.UTF_8)
                .replace("passerelle-deployment", "someone-else");

        assertThat(notifications.deploymentOf(body.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void a_notification_of_another_sync_on_the_application_does_not_settle_this_deployment() {
        var other = UUID.randomUUID().toString();

        assertThat(notifications.read(body(other, "Succeeded", "ok", "Healthy"), OPERATION).status())
                .isInstanceOf(ArgoCdStatus.Failed.class).asString().contains("another sync replaced it");
    }

    @Test
    void a_body_that_is_not_the_templates_is_refused_saying_so() {
        assertThatThrownBy(() -> notifications.deploymentOf("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the notification is not JSON");
        assertThatThrownBy(() -> notifications.deploymentOf("{\"app\": {}}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("passerelle-sync-outcome");
        assertThatThrownBy(() -> notifications.read(body(DEPLOYMENT.toString(), "Succeeded", "ok", "Healthy"),
                new ArgoCdOperation("ledger", REVISION, DEPLOYMENT))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not ledger");
    }
}
