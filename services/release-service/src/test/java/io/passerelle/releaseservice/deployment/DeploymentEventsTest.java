package io.passerelle.releaseservice.deployment;

import java.time.Instant;
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
    void release_recorded_keeps_its_recorded_shape() {
        EventContracts.assertMatchesRecorded(new ReleaseRecorded(RELEASE, "payments", VERSION, SHA, RUN,
                Instant.parse("2026-03-01T10:00:00Z")));
    }

    @Test
    void deployment_planned_keeps_its_recorded_shape() {
        EventContracts.assertMatchesRecorded(new DeploymentPlanned(DEPLOYMENT, RELEASE, "payments", "production",
                VERSION, SHA, true, "pipeline:octocat", RUN, Instant.parse("2026-03-01T10:20:00Z")));
    }

    @Test
    void deployment_requested_keeps_its_recorded_shape_with_the_target() {
        EventContracts.assertMatchesRecorded(new DeploymentRequested(DEPLOYMENT, CHANGE, "payments", "production",
                VERSION, SHA, DeployTarget.webhook("https://deploy.example/production"),
                Instant.parse("2026-03-01T11:05:00.250Z"), Instant.parse("2026-03-01T11:35:00.250Z")));
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
}
