package io.passerelle.incidentservice.rollback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.incidentservice.timeline.TimelineEntry;
import io.passerelle.incidentservice.timeline.TimelineEntry.Kind;
import org.junit.jupiter.api.Test;

/** A rollback proposal follows what it is told, each step a timeline line stamped when it happened. */
class RollbackProposalTest {

    static final UUID INCIDENT = UUID.randomUUID();
    static final UUID UNDONE = UUID.randomUUID();
    static final UUID ROLLBACK = UUID.randomUUID();
    static final UUID CHANGE = UUID.randomUUID();
    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    static RollbackProposal planned(boolean automatic) {
        return RollbackProposal.planned(INCIDENT, UNDONE, ROLLBACK, "production", "1.4.1", automatic,
                "P1 incident started 2m after it", T0);
    }

    @Test
    void a_proposal_waits_for_approvers_is_authorized_and_rolls_back_each_step_on_the_timeline() {
        var proposal = planned(false);
        proposal.changeRaised(CHANGE, "EMERGENCY", false, T0.plusSeconds(1));
        assertThat(proposal.state()).isEqualTo(RollbackProposal.State.AWAITING_APPROVAL);
        proposal.changeAuthorized(CHANGE, "erin", T0.plusSeconds(60));
        assertThat(proposal.state()).isEqualTo(RollbackProposal.State.AUTHORIZED);
        proposal.rolledBack("1.4.1", T0.plusSeconds(90));

        assertThat(proposal.state()).isEqualTo(RollbackProposal.State.ROLLED_BACK);
        assertThat(proposal.changeId()).isEqualTo(CHANGE);
        assertThat(proposal.updatedAt()).isEqualTo(T0.plusSeconds(90));
        assertThat(proposal.pullTimeline()).extracting(TimelineEntry::at, TimelineEntry::kind, TimelineEntry::actor,
                TimelineEntry::text, TimelineEntry::ref).containsExactly(
                tuple(T0, Kind.DEPLOYMENT, "release-service", "rollback proposed: deployment " + ROLLBACK + " puts"
                        + " 1.4.1 back in production, undoing deployment " + UNDONE + ", under an emergency change that"
                        + " waits for the emergency approvers (P1 incident started 2m after it)", ROLLBACK),
                tuple(T0.plusSeconds(1), Kind.CHANGE, "change-service", "EMERGENCY change " + CHANGE
                        + " raised for the rollback, waiting for the emergency approvers", CHANGE),
                tuple(T0.plusSeconds(60), Kind.CHANGE, "erin", "change " + CHANGE + " approved: authorized by erin",
                        CHANGE),
                tuple(T0.plusSeconds(90), Kind.DEPLOYMENT, "release-service", "rolled back: 1.4.1 is back in"
                        + " production (deployment " + ROLLBACK + ")", ROLLBACK));
        assertThat(proposal.pullTimeline()).as("pulled once").isEmpty();
    }

    @Test
    void an_automatic_proposal_says_the_policy_authorized_it() {
        var proposal = planned(true);
        proposal.changeRaised(CHANGE, "EMERGENCY", true, T0);
        assertThat(proposal.state()).as("raised authorized").isEqualTo(RollbackProposal.State.AUTHORIZED);
        proposal.changeAuthorized(CHANGE, "passerelle:environment-policy", T0);

        assertThat(proposal.pullTimeline()).extracting(TimelineEntry::text).containsExactly(
                "rollback proposed: deployment " + ROLLBACK + " puts 1.4.1 back in production, undoing deployment "
                        + UNDONE + ", under an emergency change the environment's incident rollback policy authorizes"
                        + " at once (P1 incident started 2m after it)",
                "EMERGENCY change " + CHANGE + " raised for the rollback, authorized at once",
                "change " + CHANGE + " authorized at once by the environment's incident rollback policy"
                        + " (passerelle:environment-policy)");
        assertThat(proposal.state()).isEqualTo(RollbackProposal.State.AUTHORIZED);
    }

    @Test
    void a_step_is_taken_only_after_the_one_it_follows() {
        var proposal = planned(false);
        var raised = new RollbackStep.ChangeRaised(CHANGE, "EMERGENCY", false, T0);
        var authorized = new RollbackStep.ChangeAuthorized(CHANGE, "erin", T0.plusSeconds(60));
        var rolledBack = new RollbackStep.RolledBack("1.4.1", T0.plusSeconds(90));

        assertThat(proposal.accepts(raised)).isTrue();
        assertThat(proposal.accepts(authorized)).as("its change is not raised yet").isFalse();
        assertThat(proposal.accepts(rolledBack)).isFalse();
        raised.takeOn(proposal);
        assertThat(proposal.accepts(authorized)).isTrue();
        assertThat(proposal.accepts(rolledBack)).as("its change is not authorized yet").isFalse();
        authorized.takeOn(proposal);
        assertThat(proposal.accepts(rolledBack)).isTrue();
        assertThat(proposal.accepts(new RollbackStep.Failed("x", T0))).isTrue();

        var atOnce = planned(true);
        new RollbackStep.ChangeRaised(CHANGE, "EMERGENCY", true, T0).takeOn(atOnce);
        assertThat(atOnce.accepts(rolledBack)).as("raised authorized: its outcome may come").isTrue();
        assertThat(RollbackProposal.declined(INCIDENT, UNDONE, "production", "no", T0).accepts(raised)).isFalse();
    }

    @Test
    void the_state_never_moves_back_and_lines_keep_their_own_times() {
        var proposal = planned(false);
        proposal.changeRaised(CHANGE, "EMERGENCY", false, T0.plusSeconds(1));
        proposal.changeAuthorized(CHANGE, "erin", T0.plusSeconds(60));
        proposal.changeRaised(CHANGE, "EMERGENCY", false, T0.plusSeconds(2));

        assertThat(proposal.state()).isEqualTo(RollbackProposal.State.AUTHORIZED);
        assertThat(proposal.updatedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(proposal.pullTimeline()).extracting(TimelineEntry::at)
                .containsExactly(T0, T0.plusSeconds(1), T0.plusSeconds(60), T0.plusSeconds(2));
    }

    @Test
    void a_rejected_change_or_a_failed_rollback_says_why() {
        var rejected = planned(false);
        rejected.changeRejected(CHANGE, "erin", "the release before is broken too", T0.plusSeconds(5));
        assertThat(rejected.state()).isEqualTo(RollbackProposal.State.REJECTED);
        assertThat(rejected.pullTimeline().getLast().text()).isEqualTo("change " + CHANGE + " rejected by erin: the"
                + " release before is broken too; no rollback");

        var failed = planned(true);
        failed.changeAuthorized(CHANGE, "passerelle:environment-policy", T0);
        failed.failed("deploy target answered HTTP 500 on each of 3 attempts", T0.plusSeconds(30));
        assertThat(failed.state()).isEqualTo(RollbackProposal.State.FAILED);
        assertThat(failed.pullTimeline().getLast()).satisfies(line -> {
            assertThat(line.kind()).isEqualTo(Kind.DEPLOYMENT);
            assertThat(line.text()).isEqualTo("rollback failed (deployment " + ROLLBACK + "): deploy target answered"
                    + " HTTP 500 on each of 3 attempts");
        });
    }

    @Test
    void a_declined_rollback_tells_why_about_the_deployment_it_would_have_undone() {
        var declined = RollbackProposal.declined(INCIDENT, UNDONE, "production", "no release of shop succeeded in"
                + " production before it: there is nothing to roll back to", T0);

        assertThat(declined.state()).isEqualTo(RollbackProposal.State.DECLINED);
        assertThat(declined.deploymentId()).isNull();
        var line = declined.pullTimeline().getFirst();
        assertThat(line.text()).isEqualTo("no rollback of deployment " + UNDONE + ": no release of shop succeeded in"
                + " production before it: there is nothing to roll back to");
        assertThat(line.ref()).isEqualTo(UNDONE);
        assertThat(declined.isAbout(line)).isTrue();
    }

    @Test
    void the_lines_about_a_rollback_are_those_of_its_deployment_and_change() {
        var proposal = planned(false);
        proposal.changeRaised(CHANGE, "EMERGENCY", false, T0);

        assertThat(proposal.isAbout(new TimelineEntry(INCIDENT, T0, Kind.DEPLOYMENT, "x", "y", ROLLBACK))).isTrue();
        assertThat(proposal.isAbout(new TimelineEntry(INCIDENT, T0, Kind.CHANGE, "x", "y", CHANGE))).isTrue();
        assertThat(proposal.isAbout(new TimelineEntry(INCIDENT, T0, Kind.SUSPECT_DECISION, "x", "y", ROLLBACK)))
                .isFalse();
        assertThat(proposal.isAbout(new TimelineEntry(INCIDENT, T0, Kind.DEPLOYMENT, "x", "y", UNDONE)))
                .as("the undone deployment is another matter once a rollback is planned").isFalse();
        assertThat(proposal.isAbout(TimelineEntry.of(INCIDENT, T0, Kind.NOTE, "otto", "looking"))).isFalse();
    }
}
