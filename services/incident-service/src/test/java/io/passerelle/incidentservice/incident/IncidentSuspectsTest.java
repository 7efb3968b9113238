package io.passerelle.incidentservice.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.passerelle.incidentservice.deployment.Outcome;
import io.passerelle.incidentservice.suspect.Decision;
import io.passerelle.incidentservice.suspect.Suspect;
import io.passerelle.incidentservice.timeline.TimelineEntry;
import io.passerelle.incidentservice.timeline.TimelineEntry.Kind;
import io.passerelle.platform.domain.NotFoundException;
import io.passerelle.platform.domain.RuleViolationException;
import org.junit.jupiter.api.Test;

/** What an incident does with its suspects: computed again while undecided, confirmed or dismissed once each. */
class IncidentSuspectsTest {

    private static final Instant T = Instant.parse("2026-03-10T12:00:00Z");
    private static final UUID NEWEST = UUID.fromString("7d3f8a2e-4b1c-4e6a-9f2d-1c8b5e7a3d90");
    private static final UUID OLDER = UUID.fromString("0b6e2d4f-8a1c-4f3e-a7d9-5c2b1e8f6a43");
    private static final UUID LATE = UUID.fromString("5a5a5a5a-4b1c-4e6a-9f2d-1c8b5e7a3d90");
    private static final UUID CHANGE = UUID.fromString("c2a9e4f1-6d3b-4a8e-b5c7-9e1f2d3a4b5c");

    private static Suspect suspect(int rank, UUID id, String version, double score) {
        return new Suspect(rank, id, version, "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b",
                id.equals(NEWEST) ? CHANGE : null, Outcome.SUCCEEDED, T.minusSeconds(600), score, "why " + version);
    }

    private static Incident incident() {
        var incident = Incident.openFor(new FiringAlert("fp-1", "HighErrorRate", "checkout", "production", "critical",
                null, T.minusSeconds(120), Map.of()), PriorityMatrix.itil().rate(Level.HIGH, Level.HIGH),
                List.of(suspect(1, NEWEST, "1.4.2", 0.8), suspect(2, OLDER, "1.4.1", 0.5)), List.of(), T, T);
        incident.pullEvents();
        incident.pullTimeline();
        return incident;
    }

    @Test
    void computed_again_the_suspects_replace_the_ranking_and_the_timeline_says_what_changed() {
        var incident = incident();
        var recomputed = List.of(suspect(1, LATE, "1.4.3", 0.9), suspect(2, NEWEST, "1.4.2", 0.7),
                suspect(3, OLDER, "1.4.1", 0.4));

        assertThat(incident.reattribute(recomputed, T.plusSeconds(60), LATE)).isTrue();

        assertThat(incident.suspects()).isEqualTo(recomputed);
        assertThat(incident.suspectsChanged()).isTrue();
        assertThat(incident.pullTimeline()).singleElement().satisfies(line -> {
            assertThat(line.kind()).isEqualTo(Kind.SUSPECTS);
            assertThat(line.actor()).isEqualTo("passerelle:attribution");
            assertThat(line.ref()).isEqualTo(LATE);
            assertThat(line.at()).isEqualTo(T.plusSeconds(60));
            assertThat(line.text()).isEqualTo("suspects computed again: 1.4.3 (commit 1a2b3c4) joined at rank 1;"
                    + " 3 deployments are suspected; the most likely: why 1.4.3");
        });
        assertThat(incident.pullEvents()).as("no event: the ranking is the incident's own").isEmpty();
    }

    @Test
    void the_same_ranking_computed_again_changes_nothing() {
        var incident = incident();

        assertThat(incident.reattribute(List.of(suspect(1, NEWEST, "1.4.2", 0.8), suspect(2, OLDER, "1.4.1", 0.5)),
                T, LATE)).isFalse();

        assertThat(incident.suspectsChanged()).isFalse();
        assertThat(incident.pullTimeline()).isEmpty();
    }

    @Test
    void once_a_suspect_is_decided_the_suspects_are_never_computed_again() {
        var incident = incident();
        incident.dismissCause(OLDER, "otto", T, "it never took traffic");
        incident.pullTimeline();

        assertThat(incident.reattribute(List.of(suspect(1, LATE, "1.4.3", 0.9)), T, LATE)).isFalse();

        assertThat(incident.suspects()).extracting(Suspect::deploymentId).containsExactly(NEWEST, OLDER);
        assertThat(incident.pullTimeline()).isEmpty();
    }

    @Test
    void the_suspects_of_an_incident_in_any_open_state_are_computed_again_and_decided() {
        var incident = incident();
        incident.acknowledge(T.plusSeconds(10), "otto");
        incident.start(T.plusSeconds(20), "otto");
        incident.hold(T.plusSeconds(30), "otto", "waiting on the vendor");

        assertThat(incident.reattribute(List.of(suspect(1, LATE, "1.4.3", 0.9), suspect(2, NEWEST, "1.4.2", 0.7)),
                T.plusSeconds(60), LATE)).isTrue();
        incident.confirmCause(LATE, "otto", T.plusSeconds(90), "the late one");

        assertThat(incident.suspects().get(0).decision().verdict()).isEqualTo(Decision.Verdict.CONFIRMED);
    }

    @Test
    void the_suspects_of_an_unattributed_incident_are_never_computed() {
        var incident = Incident.openFor(new FiringAlert("fp-9", "DiskFull", null, null, "warning", null, T,
                Map.of()), PriorityMatrix.itil().rate(Level.MEDIUM, Level.MEDIUM), List.of(), List.of(), T, T);
        incident.pullTimeline();

        assertThat(incident.suspectsMayChange()).isFalse();
        assertThat(incident.reattribute(List.of(suspect(1, LATE, "1.4.3", 0.9)), T, LATE)).isFalse();
        assertThat(incident.suspects()).isEmpty();
        assertThat(incident.pullTimeline()).isEmpty();
    }

    @Test
    void the_suspects_of_a_resolved_incident_are_never_computed_again() {
        var incident = incident();
        incident.resolve(T.plusSeconds(300), "monitoring");
        incident.pullTimeline();

        assertThat(incident.reattribute(List.of(suspect(1, LATE, "1.4.3", 0.9)), T, LATE)).isFalse();
        assertThat(incident.pullTimeline()).isEmpty();
    }

    @Test
    void confirming_a_suspect_records_the_decision_registers_cause_confirmed_and_a_timeline_line() {
        var incident = incident();

        incident.confirmCause(NEWEST, "otto", T.plusSeconds(90), "5xx began as 1.4.2 reached production");

        assertThat(incident.suspects().get(0).decision()).isEqualTo(new Decision(Decision.Verdict.CONFIRMED, "otto",
                T.plusSeconds(90), "5xx began as 1.4.2 reached production"));
        assertThat(incident.suspects().get(1).decision()).isNull();
        assertThat(incident.suspectsDecided()).isTrue();
        assertThat(incident.pullEvents()).singleElement().isEqualTo(new IncidentCauseConfirmed(incident.id(), NEWEST,
                CHANGE, "checkout", "production", "1.4.2", "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b", Priority.P1,
                T.minusSeconds(120), "otto", T.plusSeconds(90), "5xx began as 1.4.2 reached production"));
        assertThat(incident.pullTimeline()).singleElement().isEqualTo(new TimelineEntry(incident.id(),
                T.plusSeconds(90), Kind.SUSPECT_DECISION, "otto", "confirmed as a cause: checkout 1.4.2 (commit"
                        + " 1a2b3c4), suspect 1: 5xx began as 1.4.2 reached production", NEWEST));
    }

    @Test
    void dismissing_a_suspect_keeps_it_listed_with_the_decision_and_registers_cause_dismissed() {
        var incident = incident();

        incident.dismissCause(OLDER, "sam", T.plusSeconds(30), "it never took traffic");

        assertThat(incident.suspects()).extracting(Suspect::deploymentId).containsExactly(NEWEST, OLDER);
        assertThat(incident.suspects().get(1).decision().verdict()).isEqualTo(Decision.Verdict.DISMISSED);
        assertThat(incident.pullEvents()).singleElement().isEqualTo(new IncidentCauseDismissed(incident.id(), OLDER,
                null, "checkout", "production", "sam", T.plusSeconds(30), "it never took traffic"));
        assertThat(incident.pullTimeline()).singleElement().satisfies(line -> {
            assertThat(line.kind()).isEqualTo(Kind.SUSPECT_DECISION);
            assertThat(line.ref()).isEqualTo(OLDER);
            assertThat(line.text()).isEqualTo("dismissed as a cause: checkout 1.4.1 (commit 1a2b3c4), suspect 2: it"
                    + " never took traffic");
        });
    }

    @Test
    void two_suspects_may_both_be_confirmed_each_once() {
        var incident = incident();

        incident.confirmCause(NEWEST, "otto", T, "the code");
        incident.confirmCause(OLDER, "otto", T, "its migration");

        assertThat(incident.pullEvents()).hasSize(2).allMatch(IncidentCauseConfirmed.class::isInstance);
        assertThatThrownBy(() -> incident.confirmCause(NEWEST, "otto", T, "again"))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.kind()).isEqualTo(RuleViolationException.Kind.STATE_CONFLICT))
                .hasMessageContaining("already confirmed by otto");
        assertThatThrownBy(() -> incident.dismissCause(OLDER, "sam", T, "changed my mind"))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("already confirmed");
    }

    @Test
    void refused_decisions_change_nothing() {
        var incident = incident();
        incident.dismissCause(OLDER, "sam", T, "no");
        incident.pullEvents();
        incident.pullTimeline();
        var before = incident.suspects();

        assertThatThrownBy(() -> incident.confirmCause(LATE, "otto", T, "not one"))
                .isInstanceOf(NotFoundException.class).hasMessageContaining(LATE + " of incident " + incident.id());
        assertThatThrownBy(() -> incident.confirmCause(OLDER, "otto", T, "twice"))
                .isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> incident.confirmCause(NEWEST, "otto", T, "  "))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(incident.suspects()).isEqualTo(before);
        assertThat(incident.pullEvents()).isEmpty();
        assertThat(incident.pullTimeline()).isEmpty();
    }

    @Test
    void the_suspects_of_a_closed_incident_are_neither_computed_again_nor_decided() {
        var incident = incident();
        incident.resolve(T.plusSeconds(300), "monitoring");
        incident.close(T.plusSeconds(400), "sam");
        incident.pullEvents();
        incident.pullTimeline();

        assertThat(incident.reattribute(List.of(suspect(1, LATE, "1.4.3", 0.9)), T, LATE)).isFalse();
        assertThatThrownBy(() -> incident.dismissCause(OLDER, "otto", T, "too late"))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("is CLOSED");
        assertThat(incident.pullEvents()).isEmpty();
        assertThat(incident.pullTimeline()).isEmpty();
    }

    @Test
    void the_suspects_of_an_incident_no_longer_open_are_not_decided() {
        var incident = incident();
        incident.resolve(T.plusSeconds(300), "monitoring");
        incident.pullEvents();

        assertThatThrownBy(() -> incident.confirmCause(NEWEST, "otto", T, "too late"))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.kind()).isEqualTo(RuleViolationException.Kind.STATE_CONFLICT))
                .hasMessageContaining("is RESOLVED");
        assertThat(incident.suspects().get(0).decision()).isNull();
        assertThat(incident.pullEvents()).isEmpty();
    }
}
