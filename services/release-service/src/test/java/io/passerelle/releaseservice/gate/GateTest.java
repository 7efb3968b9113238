package io.passerelle.releaseservice.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.passerelle.platform.domain.RuleViolationException;
import io.passerelle.releaseservice.catalog.DeployTarget;
import io.passerelle.releaseservice.catalog.Environment;
import io.passerelle.releaseservice.deployment.Deployment;
import io.passerelle.releaseservice.deployment.Release;
import org.junit.jupiter.api.Test;

/** A gate's rules: decided once, by its change; an outcome once, and only when allowed; its client's alone. */
class GateTest {

    static final Instant OPENED = Instant.parse("2026-03-01T10:00:00Z");
    static final Instant DECIDED = OPENED.plusSeconds(90);
    static final UUID CHANGE = UUID.randomUUID();
    static final Environment PRODUCTION = new Environment("production", 2, true,
            DeployTarget.webhook("https://deploy.example/prod"), List.of());
    static final String RUN = "https://github.com/acme/payments/actions/runs/42";

    static Deployment deployment() {
        var release = Release.fromPipeline("payments", "0123456789abcdef", null, RUN, "octocat", OPENED);
        return Deployment.planForPipeline(release, PRODUCTION, "pipeline:octocat", RUN, OPENED);
    }

    static Gate pending() {
        return Gate.open(deployment(), "ci-payments", Evidence.NONE, null, OPENED);
    }

    static Gate withOutcome(Gate gate, GateOutcome outcome) {
        return Gate.restore(gate.id(), gate.deploymentId(), gate.service(), gate.environment(), gate.commitSha(),
                gate.version(), gate.runUrl(), gate.requestedBy(), gate.openedBy(), gate.evidence(), gate.callback(),
                gate.openedAt(), gate.decision(), gate.changeId(), gate.reason(), gate.decidedAt(), gate.proceedAt(),
                outcome);
    }

    static void assertConflict(Runnable action, String message) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(RuleViolationException.class, e -> {
            assertThat(e.kind()).isEqualTo(RuleViolationException.Kind.STATE_CONFLICT);
            assertThat(e.getMessage()).contains(message);
        });
    }

    @Test
    void a_gate_opens_pending_about_its_pipeline_s_deployment() {
        var deployment = deployment();

        var gate = Gate.open(deployment, "ci-payments", new Evidence("https://ci.example/report.html",
                "sha256:" + "ab".repeat(32)), new Callback("https://hooks.example/gate", "sealed"), OPENED);

        assertThat(gate.decision()).isEqualTo(GateDecision.PENDING);
        assertThat(gate.deploymentId()).isEqualTo(deployment.id());
        assertThat(gate.requestedBy()).isEqualTo("pipeline:octocat");
        assertThat(gate.runUrl()).isEqualTo(RUN);
        assertThat(gate.version()).isEqualTo("0123456789ab");
        assertThat(gate.changeId()).isNull();
        assertThat(gate.outcome()).isNull();
        assertThat(gate.pullEvents()).isEmpty();
    }

    @Test
    void only_a_deployment_its_pipeline_carries_out_has_a_gate() {
        var release = Release.fromPipeline("payments", "0123456789abcdef", null, RUN, "octocat", OPENED);
        assertThatThrownBy(() -> Gate.open(Deployment.plan(release, PRODUCTION, OPENED), "ci", Evidence.NONE, null,
                OPENED)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_change_held_by_a_freeze_holds_the_gate_until_it_is_authorized_which_allows_it() {
        var gate = pending();
        var change = UUID.randomUUID();
        var until = OPENED.plusSeconds(3600);

        assertThat(gate.hold(change, "held by freeze window 'Weekends' until " + until, until, OPENED)).isTrue();

        assertThat(gate.decision()).isEqualTo(GateDecision.HELD);
        assertThat(gate.decision().isFinal()).as("a waiting pipeline goes on waiting").isFalse();
        assertThat(gate.proceedAt()).isEqualTo(until);
        assertThat(gate.pullEvents()).singleElement().satisfies(e -> {
            assertThat(e.decision()).isEqualTo(GateDecision.HELD);
            assertThat(e.proceedAt()).isEqualTo(until);
        });
        assertThat(gate.allow(change, until)).isTrue();
        assertThat(gate.decision()).isEqualTo(GateDecision.ALLOWED);
        assertThat(gate.proceedAt()).isNull();
        assertThat(gate.pullEvents()).singleElement().satisfies(e -> assertThat(e.proceedAt()).isNull());
        assertThat(gate.hold(change, "again", until, until)).as("final").isFalse();
    }

    @Test
    void an_authorized_change_allows_the_gate_once() {
        var gate = pending();

        assertThat(gate.allow(CHANGE, DECIDED)).isTrue();

        assertThat(gate.decision()).isEqualTo(GateDecision.ALLOWED);
        assertThat(gate.changeId()).isEqualTo(CHANGE);
        assertThat(gate.decidedAt()).isEqualTo(DECIDED);
        assertThat(gate.reason()).isNull();
        assertThat(gate.pullEvents()).singleElement().satisfies(e -> {
            assertThat(e.gateId()).isEqualTo(gate.id());
            assertThat(e.deploymentId()).isEqualTo(gate.deploymentId());
            assertThat(e.changeId()).isEqualTo(CHANGE);
            assertThat(e.decision()).isEqualTo(GateDecision.ALLOWED);
            assertThat(e.reason()).isNull();
            assertThat(e.decidedAt()).isEqualTo(DECIDED);
            assertThat(e.service()).isEqualTo("payments");
            assertThat(e.environment()).isEqualTo("production");
        });
        assertThat(gate.allow(UUID.randomUUID(), DECIDED.plusSeconds(1))).isFalse();
        assertThat(gate.refuse(UUID.randomUUID(), "late", DECIDED.plusSeconds(1))).isFalse();
        assertThat(gate.decision()).isEqualTo(GateDecision.ALLOWED);
        assertThat(gate.changeId()).isEqualTo(CHANGE);
        assertThat(gate.pullEvents()).isEmpty();
    }

    @Test
    void a_rejected_change_refuses_the_gate_with_the_reason() {
        var gate = pending();

        assertThat(gate.refuse(CHANGE, "change rejected by bob: no rollback plan", DECIDED)).isTrue();

        assertThat(gate.decision()).isEqualTo(GateDecision.REFUSED);
        assertThat(gate.reason()).isEqualTo("change rejected by bob: no rollback plan");
        assertThat(gate.pullEvents()).singleElement().satisfies(e -> {
            assertThat(e.decision()).isEqualTo(GateDecision.REFUSED);
            assertThat(e.reason()).isEqualTo("change rejected by bob: no rollback plan");
        });
        assertThat(gate.allow(CHANGE, DECIDED)).isFalse();
        assertThat(gate.decision()).isEqualTo(GateDecision.REFUSED);
    }

    @Test
    void only_final_decisions_answer_a_waiting_request() {
        assertThat(GateDecision.PENDING.isFinal()).isFalse();
        assertThat(GateDecision.ALLOWED.isFinal()).isTrue();
        assertThat(GateDecision.REFUSED.isFinal()).isTrue();
    }

    @Test
    void an_outcome_is_reported_once_and_only_on_an_allowed_gate() {
        assertConflict(() -> pending().requireOutcomeAllowed(), "is PENDING");
        var refused = pending();
        refused.refuse(CHANGE, "no", DECIDED);
        assertConflict(refused::requireOutcomeAllowed, "is REFUSED");

        var allowed = pending();
        allowed.allow(CHANGE, DECIDED);
        allowed.requireOutcomeAllowed();
        assertConflict(() -> withOutcome(allowed, GateOutcome.SUCCEEDED).requireOutcomeAllowed(),
                "was already reported (SUCCEEDED)");
        assertConflict(() -> withOutcome(allowed, GateOutcome.FAILED).requireOutcomeAllowed(),
                "was already reported (FAILED)");
    }

    @Test
    void a_gate_is_its_client_s() {
        var gate = pending();

        assertThat(gate.isOpenedBy("ci-payments")).isTrue();
        assertThat(gate.isOpenedBy("ci-other")).isFalse();
        assertThat(gate.isOpenedBy(null)).isFalse();
    }

    @Test
    void the_decision_is_only_published_once_made() {
        assertThatThrownBy(() -> pending().decided()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void evidence_and_requests_are_checked() {
        assertThatThrownBy(() -> new Evidence("ftp://ci.example/report", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Evidence(null, "sha256:xyz")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OpenGate.Request("payments", "production", "0123456", "not a url", null, null,
                Evidence.NONE, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OpenGate.Request("payments", "production", "0123456", RUN, "bob smith", null,
                Evidence.NONE, null)).isInstanceOf(IllegalArgumentException.class);
        new OpenGate.Request("payments", "production", "0123456", RUN, "dependabot[bot]", "1.4.2", Evidence.NONE, null);
    }
}
