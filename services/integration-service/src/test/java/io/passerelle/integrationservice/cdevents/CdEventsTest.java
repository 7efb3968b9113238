package io.passerelle.integrationservice.cdevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.passerelle.integrationservice.cdevents.port.CdEventOutbox;
import io.passerelle.integrationservice.cdevents.port.DeployedVersions;
import io.passerelle.platform.test.RepositoryFiles;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Every CDEvent Passerelle makes, checked field by field and against the CDEvents schemas of the shared vectors. */
class CdEventsTest {

    static final Instant AT = Instant.parse("2026-11-27T10:05:00Z");
    static final UUID CHANGE = UUID.fromString("6f1c2a9e-3b4d-4e8f-9a1b-2c3d4e5f6a7b");
    static final UUID DEPLOYMENT = UUID.fromString("0b7e4c2d-8f1a-4d3e-b5c6-7a8b9c0d1e2f");
    static final UUID INCIDENT = UUID.fromString("5f1c9b7e-2a4d-4c8f-b3e6-7d9a1c2e4f60");
    static final UUID PROBLEM = UUID.fromString("9b2e4c1a-7d3f-4e8b-a6c5-1f0d2e3b4a59");
    static final Links LINKS = new Links("https://passerelle.example.com/");

    final List<CdEvent> appended = new ArrayList<>();
    final Map<String, String> running = new HashMap<>();
    final CdEventOutbox outbox = appended::addAll;
    final DeployedVersions versions = (service, environment, version, at) ->
            Optional.ofNullable(running.put(service + "/" + environment, version));
    final PublishCdEvents publish = new PublishCdEvents(outbox, versions, LINKS, "/passerelle", List.of());
    final JsonMapper json = JsonMapper.builder().build();
    CdEventSchemas schemas;

    @BeforeEach
    void vectors() {
        schemas = CdEventSchemas.load().orElse(null);
    }

    CdEvent.Origin origin(String eventId) {
        return new CdEvent.Origin(eventId, AT, "/passerelle");
    }

    void assertValid(List<CdEvent> events) {
        Assumptions.assumeTrue(schemas != null, CdEventSchemas.NO_VECTORS);
        events.forEach(schemas::assertValid);
    }

    @Test
    void a_first_deployment_is_deployed_the_next_version_upgraded_the_same_version_deployed_again() {
        var deployment = new ServiceEvents.Deployed(DEPLOYMENT, CHANGE, "payments", "production", "1.4.2", "3f2a9c1e",
                null);
        var first = publish.deployed("e1", AT, deployment);
        var second = publish.deployed("e2", AT, new ServiceEvents.Deployed(UUID.randomUUID(), CHANGE, "payments",
                "production", "1.4.3", null, null));
        var again = publish.deployed("e3", AT, new ServiceEvents.Deployed(UUID.randomUUID(), CHANGE, "payments",
                "production", "1.4.3", null, null));

        assertThat(first.type()).isEqualTo(CdEventType.SERVICE_DEPLOYED);
        assertThat(second.type()).isEqualTo(CdEventType.SERVICE_UPGRADED);
        assertThat(again.type()).isEqualTo(CdEventType.SERVICE_DEPLOYED);
        assertThat(first.subjectId()).isEqualTo("payments/production");
        assertThat(first.content()).containsEntry("environment", Map.of("id", "production"))
                .containsEntry("artifactId", "pkg:generic/payments@1.4.2");
        assertThat(first.customData()).containsEntry("deploymentId", DEPLOYMENT.toString())
                .containsEntry("commitSha", "3f2a9c1e");
        assertThat(second.customData()).containsEntry("previousVersion", "1.4.2");
        assertThat(appended).containsExactly(first, second, again);
        assertValid(appended);
    }

    @Test
    void a_rollback_is_rolledback_to_the_restored_version_which_then_runs_there() {
        running.put("payments/production", "1.4.3");
        var rolledBack = publish.rolledBack("e1", AT, new ServiceEvents.RolledBack(DEPLOYMENT, UUID.randomUUID(),
                CHANGE, "payments", "production", "1.4.2", "health checks fail"));

        assertThat(rolledBack.type()).isEqualTo(CdEventType.SERVICE_ROLLEDBACK);
        assertThat(rolledBack.content()).containsEntry("artifactId", "pkg:generic/payments@1.4.2");
        assertThat(running).containsEntry("payments/production", "1.4.2");
        assertValid(List.of(rolledBack));
    }

    @Test
    void the_same_cause_always_gives_the_same_id_and_another_type_another_id() {
        var deployment = new ServiceEvents.Deployed(DEPLOYMENT, null, "payments", "production", "1", null, null);
        var once = ServiceEvents.deployed(origin("e1"), deployment);

        assertThat(ServiceEvents.deployed(origin("e1"), deployment).id()).isEqualTo(once.id());
        assertThat(ServiceEvents.deployed(origin("e2"), deployment).id()).isNotEqualTo(once.id());
        assertThat(IncidentEvents.detected(origin("e1"), new IncidentEvents.Opened(INCIDENT, null, null, "t", "P2",
                null, null)).id()).isNotEqualTo(once.id());
    }

    @Test
    void an_incident_is_detected_with_its_top_suspect_and_resolved_an_unattributed_one_names_no_environment() {
        var detected = IncidentEvents.detected(origin("e1"), new IncidentEvents.Opened(INCIDENT, "checkout",
                "production", "5xx above 5% on checkout", "P1", "1.4.2", DEPLOYMENT));
        var unattributed = IncidentEvents.detected(origin("e2"), new IncidentEvents.Opened(INCIDENT, null, null,
                "disk full", "P3", null, null));
        var resolved = IncidentEvents.resolved(origin("e3"), new IncidentEvents.Resolved(INCIDENT, "checkout",
                "production", "monitoring", 1020));

        assertThat(detected.type()).isEqualTo(CdEventType.INCIDENT_DETECTED);
        assertThat(detected.subjectId()).isEqualTo(INCIDENT.toString());
        assertThat(detected.content()).containsEntry("description", "[P1] 5xx above 5% on checkout")
                .containsEntry("service", Map.of("id", "checkout"))
                .containsEntry("artifactId", "pkg:generic/checkout@1.4.2");
        assertThat(unattributed.content()).containsEntry("environment", Map.of("id", IncidentEvents.UNATTRIBUTED))
                .doesNotContainKeys("service", "artifactId");
        assertThat(resolved.type()).isEqualTo(CdEventType.INCIDENT_RESOLVED);
        assertThat(resolved.content()).containsEntry("description", "resolved by monitoring after 1020 s");
        assertValid(List.of(detected, unattributed, resolved));
    }

    @Test
    void a_normal_change_is_a_ticket_and_an_approval_from_raised_to_authorized() {
        var raised = ChangeEvents.raised(origin("e1"), LINKS, new ChangeEvents.Raised(CHANGE, "NORMAL",
                "PENDING_APPROVAL", "payments", "production", "Deploy payments 1.4.2", "pipeline:octocat", DEPLOYMENT,
                47));
        var authorized = ChangeEvents.step(origin("e2"), LINKS, new ChangeEvents.Step(CHANGE, "authorized", "NORMAL",
                "payments", "production", DEPLOYMENT, "bob", null));

        assertThat(raised).extracting(CdEvent::type)
                .containsExactly(CdEventType.TICKET_CREATED, CdEventType.APPROVAL_CREATED);
        assertThat(raised.get(0).content()).containsEntry("summary", "Deploy payments 1.4.2")
                .containsEntry("ticketType", "change-request").containsEntry("creator", "pipeline:octocat")
                .containsEntry("group", "payments").containsEntry("priority", "risk 47")
                .containsEntry("uri", "https://passerelle.example.com/changes/" + CHANGE);
        assertThat(raised.get(1).content())
                .containsEntry("approvalDetailsUrl", "https://passerelle.example.com/changes/" + CHANGE)
                .containsEntry("resourceTargetUrl", "https://passerelle.example.com/deployments/" + DEPLOYMENT)
                .containsEntry("requestor", "urn:passerelle:user:pipeline%3Aoctocat");
        assertThat(raised.get(1).type().specVersion()).isEqualTo("0.6.0-draft");
        assertThat(authorized).extracting(CdEvent::type)
                .containsExactly(CdEventType.TICKET_UPDATED, CdEventType.APPROVAL_CLOSED);
        assertThat(authorized.get(1).content()).containsEntry("decision", "approved").containsEntry("status", "approved")
                .containsEntry("responder", "urn:passerelle:user:bob");
        assertValid(raised);
        assertValid(authorized);
    }

    @Test
    void an_approver_s_decision_that_leaves_the_change_waiting_is_an_approval_updated() {
        var approved = ChangeEvents.decision(origin("e3"), LINKS, new ChangeEvents.Decision(CHANGE, DEPLOYMENT,
                "carol", "APPROVED"));
        var rejected = ChangeEvents.decision(origin("e4"), LINKS, new ChangeEvents.Decision(CHANGE, null, "dave",
                "REJECTED"));

        assertThat(approved).extracting(CdEvent::type).containsExactly(CdEventType.APPROVAL_UPDATED);
        assertThat(approved.get(0).content()).containsEntry("decision", "approved")
                .containsEntry("responder", "urn:passerelle:user:carol")
                .containsEntry("approvalDetailsUrl", "https://passerelle.example.com/changes/" + CHANGE)
                .containsEntry("resourceTargetUrl", "https://passerelle.example.com/deployments/" + DEPLOYMENT)
                .doesNotContainKey("status");
        assertThat(approved.get(0).type().specVersion()).isEqualTo("0.6.0-draft");
        assertThat(rejected.get(0).content()).containsEntry("decision", "rejected")
                .containsEntry("resourceTargetUrl", "https://passerelle.example.com/changes/" + CHANGE);
        assertValid(approved);
        assertValid(rejected);
    }

    @Test
    void a_standard_change_has_no_approval_and_each_end_of_a_change_closes_its_ticket_with_a_resolution() {
        var raised = ChangeEvents.raised(origin("e1"), LINKS, new ChangeEvents.Raised(CHANGE, "STANDARD", "AUTHORIZED",
                "payments", "production", "Deploy", "pipeline:octocat", null, null));
        var authorized = step("authorized", "STANDARD", "auto");
        var held = step("held", "STANDARD", null);
        var rejected = step("rejected", null, "bob");
        var closed = step("closed", null, null);
        var failed = step("failed", null, null);

        assertThat(raised).extracting(CdEvent::type).containsExactly(CdEventType.TICKET_CREATED);
        assertThat(authorized).extracting(CdEvent::type).containsExactly(CdEventType.TICKET_UPDATED);
        assertThat(held).extracting(CdEvent::type).containsExactly(CdEventType.TICKET_UPDATED);
        assertThat(held.get(0).content()).containsEntry("labels", List.of("held", "production"));
        assertThat(rejected).extracting(CdEvent::type)
                .containsExactly(CdEventType.TICKET_CLOSED, CdEventType.APPROVAL_CLOSED);
        assertThat(rejected.get(0).content()).containsEntry("resolution", "rejected");
        assertThat(rejected.get(1).content()).containsEntry("status", "rejected");
        assertThat(closed.get(0).content()).containsEntry("resolution", "completed");
        assertThat(failed.get(0).content()).containsEntry("resolution", "failed");
        List.of(raised, authorized, held, rejected, closed, failed).forEach(this::assertValid);
    }

    List<CdEvent> step(String step, String type, String by) {
        return ChangeEvents.step(origin("e-" + step), LINKS, new ChangeEvents.Step(CHANGE, step, type, "payments",
                "production", DEPLOYMENT, by, step + " because"));
    }

    @Test
    void a_problem_is_a_ticket_created_updated_and_closed_as_completed_or_duplicate() {
        var raised = problem("raised", null);
        var knownError = problem("known-error-recorded", null);
        var resolved = problem("resolved", null);
        var closed = problem("closed", null);
        var duplicate = problem("closed", UUID.randomUUID());

        assertThat(raised.type()).isEqualTo(CdEventType.TICKET_CREATED);
        assertThat(raised.content()).containsEntry("ticketType", "problem").containsEntry("creator", "pia")
                .containsEntry("uri", "https://passerelle.example.com/problems/" + PROBLEM);
        assertThat(knownError.type()).isEqualTo(CdEventType.TICKET_UPDATED);
        assertThat(resolved.type()).isEqualTo(CdEventType.TICKET_UPDATED);
        assertThat(closed.content()).containsEntry("resolution", "completed");
        assertThat(duplicate.content()).containsEntry("resolution", "duplicate");
        assertValid(List.of(raised, knownError, resolved, closed, duplicate));
    }

    CdEvent problem(String step, UUID duplicateOf) {
        return ProblemEvents.of(origin("p-" + step + duplicateOf), LINKS, new ProblemEvents.Step(PROBLEM, step,
                "pool too small", "checkout", "pia", duplicateOf));
    }

    @Test
    void a_freeze_window_is_a_custom_changewindow_event() {
        var window = UUID.randomUUID();
        var created = ChangeWindowEvents.created(origin("w1"), new ChangeWindowEvents.Declared(window, "Weekends",
                "nobody watches", Instant.parse("2026-12-04T15:00:00Z"), Instant.parse("2026-12-07T07:00:00Z"),
                "Europe/Paris", "FREQ=WEEKLY;BYDAY=FR", List.of("payments"), List.of(), "alice"));
        var ended = ChangeWindowEvents.ended(origin("w2"), new ChangeWindowEvents.Ended(window, "Weekends",
                List.of("payments"), List.of(), "bob", AT));

        assertThat(created.type().wire()).isEqualTo("dev.passerelle.changewindow.created.0.1.0");
        assertThat(created.content()).containsEntry("windowType", "freeze").containsEntry("start",
                "2026-12-04T15:00:00Z").containsEntry("scope", Map.of("services", List.of("payments"),
                        "environments", List.of()));
        assertThat(ended.type().wire()).isEqualTo("dev.passerelle.changewindow.ended.0.1.0");
        assertValid(List.of(created, ended));
    }

    @Test
    void the_schemas_take_the_specs_own_examples() throws Exception {
        Assumptions.assumeTrue(schemas != null, CdEventSchemas.NO_VECTORS);
        var vectors = RepositoryFiles.vectors().orElseThrow();
        for (var name : List.of("service_deployed", "service_upgraded", "service_rolledback", "incident_detected",
                "incident_resolved", "ticket_created", "ticket_updated", "ticket_closed")) {
            schemas.assertValid(json.readTree(Files.readString(
                    vectors.resolve("cdevents-v0.5.1/conformance/" + name + ".json"))));
        }
        for (var name : List.of("approval_created", "approval_updated", "approval_closed")) {
            schemas.assertValid(json.readTree(Files.readString(
                    vectors.resolve("cdevents-main-0.6.0-draft/" + name + ".json"))));
        }
    }

    @Test
    void the_schemas_are_live_a_ticket_without_its_uri_is_refused() {
        Assumptions.assumeTrue(schemas != null, CdEventSchemas.NO_VECTORS);
        var closed = (tools.jackson.databind.node.ObjectNode) json.valueToTree(problem("closed", null).document());
        ((tools.jackson.databind.node.ObjectNode) closed.get("subject").get("content")).remove("uri");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> schemas.assertValid(closed))
                .isInstanceOf(AssertionError.class).hasMessageContaining("uri");
    }
}
