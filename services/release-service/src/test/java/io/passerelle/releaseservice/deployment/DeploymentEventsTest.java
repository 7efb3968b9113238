package io.passerelle.releaseservice.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.passerelle.platform.test.EventContracts;
import io.passerelle.releaseservice.catalog.DeployTarget;
import org.junit.jupiter.api.Test;

/**
 * Release and deployment events, as published, against the shapes recorded before the event records became the
 * wire (api-specs/events/examples): same values, same JSON.
 */
class DeploymentEventsTest {

    static final UUID DEPLOYMENT = UUID.fromString("7d4c2b1a-5e6f-4a8b-9c0d-1e2f3a4b5c6d");
    static final UUID RELEASE = UUID.fromString("0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0");
    static final UUID CHANGE = UUID.fromString("c1a2b3d4-e5f6-4789-8abc-def012345678");
    static final String SHA = "3f2a9c1e7b4d5a6f8e9d0c1b2a3f4e5d6c7b8a9f";
    static final String VERSION = "3f2a9c1e7b4d";
    static final String RUN = "https://github.com/acme/payments/actions/runs/42";
    static final Instant STARTED = Instant.parse("2026-03-01T11:05:01.123456Z");

    @Test
    void release_recorded_keeps_its_recorded_shape_with_its_evidence() {
        EventContracts.assertMatchesRecorded(new ReleaseRecorded(RELEASE, "payments", VERSION, SHA, RUN,
                Instant.parse("2026-03-01T10:00:00Z"), Instant.parse("2026-03-01T09:41:07Z"),
                List.of(new Release.Commit(SHA, "Pay with saved cards", Instant.parse("2026-03-01T09:41:07Z"))),
                List.of(new CheckResult("build", "42", 163L, 1, "success", RUN, Instant.parse("2026-03-01T09:58:30Z")),
                        new CheckResult("e2e", "43", 58L, 1, "failure", "https://github.com/acme/payments/actions/runs/43",
                                Instant.parse("2026-03-01T09:55:12Z")))));
    }

    @Test
    void release_recorded_without_evidence_leaves_it_out() {
        var data = EventContracts.assertConforms(new ReleaseRecorded(RELEASE, "payments", VERSION, SHA, null,
                Instant.parse("2026-03-01T10:00:00Z"), null, null, null));
        org.assertj.core.api.Assertions.assertThat(data.propertyNames())
                .containsExactlyInAnyOrder("releaseId", "service", "version", "commitSha", "recordedAt");
    }

    @Test
    void deployment_planned_keeps_its_recorded_shape() {
        EventContracts.assertMatchesRecorded(new DeploymentPlanned(DEPLOYMENT, RELEASE, "payments", "production",
                VERSION, SHA, true, "pipeline:octocat", RUN, Instant.parse("2026-03-01T10:20:00Z"), null));
    }

    @Test
    void deployment_requested_keeps_its_recorded_shape_with_the_target() {
        EventContracts.assertMatchesRecorded(new DeploymentRequested(DEPLOYMENT, CHANGE, "payments", "production",
                VERSION, SHA, DeploymentRequested.Target.of(DeployTarget.webhook("https://deploy.example/production")),
                Instant.parse("2026-03-01T11:05:00.250Z"), Instant.parse("2026-03-01T11:35:00.250Z")));
    }

    @Test
    void a_vendor_target_adds_its_settings_and_sealed_credential_within_the_v1_schema() {
        var data = EventContracts.assertConforms(new DeploymentRequested(DEPLOYMENT, CHANGE, "payments", "production",
                VERSION, SHA, DeploymentRequested.Target.of(new DeployTarget("argocd",
                        java.net.URI.create("https://argocd.example"), java.util.Map.of("application", "payments"),
                        "c2VhbGVkLWNyZWRlbnRpYWw=")),
                Instant.parse("2026-03-01T11:05:00.250Z"), Instant.parse("2026-03-01T11:35:00.250Z")));

        assertThat(data.get("target").get("settings").get("application").asString()).isEqualTo("payments");
        assertThat(data.get("target").get("credentialSealed").asString()).isEqualTo("c2VhbGVkLWNyZWRlbnRpYWw=");
    }

    @Test
    void deployment_succeeded_keeps_its_recorded_shape() {
        EventContracts.assertMatchesRecorded(new DeploymentSucceeded(DEPLOYMENT, RELEASE, CHANGE, "payments",
                "production", VERSION, SHA, STARTED, Instant.parse("2026-03-01T11:09:42.5Z")));
    }

    @Test
    void deployment_failed_keeps_its_recorded_shape() {
        EventContracts.assertMatchesRecorded(new DeploymentFailed(DEPLOYMENT, RELEASE, CHANGE, "payments",
                "production", VERSION, SHA, "deploy target answered HTTP 500 on each of 3 attempts", STARTED,
                Instant.parse("2026-03-01T11:07:15Z")));
    }

    @Test
    void a_rollback_s_plan_carries_what_it_undoes_within_the_schema() {
        var data = EventContracts.assertConforms(new DeploymentPlanned(DEPLOYMENT, RELEASE, "payments", "production",
                VERSION, SHA, true, "rhea", null, Instant.parse("2026-03-01T12:00:00Z"),
                new Rollback(UUID.fromString("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"), "error rate 30%", true)));
        assertThat(data.get("rollback").get("of").asString())
                .isEqualTo("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");
        assertThat(data.get("rollback").get("emergency").asBoolean()).isTrue();
    }

    @Test
    void deployment_rolled_back_keeps_its_recorded_shape() {
        EventContracts.assertMatchesRecorded(new DeploymentRolledBack(
                UUID.fromString("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"), DEPLOYMENT,
                UUID.fromString("5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e"), "payments", "production", RELEASE, VERSION,
                "v3 fails its health checks", true, Instant.parse("2026-03-01T12:00:00Z")));
    }

    @Test
    void an_incident_s_rollback_plan_names_the_incident_and_whether_it_is_automatic_within_the_schema() {
        var incident = UUID.fromString("b1e2c3d4-a5b6-4c7d-8e9f-0a1b2c3d4e5f");
        var data = EventContracts.assertConforms(new DeploymentPlanned(DEPLOYMENT, RELEASE, "payments", "production",
                VERSION, SHA, true, "incident " + incident + " (P1 policy of production)", null,
                Instant.parse("2026-03-01T12:00:00Z"), Rollback.forIncident(
                        UUID.fromString("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"), "P1 incident", incident, true)));

        assertThat(data.get("rollback").get("incidentId").asString()).isEqualTo(incident.toString());
        assertThat(data.get("rollback").get("automatic").asBoolean()).isTrue();
        assertThat(data.get("rollback").get("emergency").asBoolean()).isTrue();
    }

    @Test
    void a_person_s_rollback_plan_names_no_incident() {
        var data = EventContracts.assertConforms(new DeploymentPlanned(DEPLOYMENT, RELEASE, "payments", "production",
                VERSION, SHA, true, "rhea", null, Instant.parse("2026-03-01T12:00:00Z"),
                new Rollback(UUID.fromString("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"), "error rate 30%", false)));

        assertThat(data.get("rollback").has("incidentId")).isFalse();
        assertThat(data.get("rollback").get("automatic").asBoolean()).isFalse();
    }

    @Test
    void rollback_declined_keeps_its_recorded_shape() {
        EventContracts.assertMatchesRecorded(new RollbackDeclined(UUID.fromString("b1e2c3d4-a5b6-4c7d-8e9f-0a1b2c3d4e5f"),
                DEPLOYMENT, "payments", "production", "no release of payments succeeded in production before deployment "
                        + DEPLOYMENT + ": there is nothing to roll back to", Instant.parse("2026-03-01T12:00:00Z")));
    }
}
