package io.passerelle.incidentservice.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.passerelle.incidentservice.timeline.TimelineEntry;
import io.passerelle.incidentservice.timeline.TimelineEntry.Kind;
import io.passerelle.platform.domain.RuleViolationException;
import org.junit.jupiter.api.Test;

class IncidentTest {

    private static final Instant T = Instant.parse("2026-03-10T12:00:00Z");

    private static FiringAlert alert(String severity, String summary) {
        return new FiringAlert("fp-1", "HighErrorRate", "checkout", "production", severity, summary,
                T.minusSeconds(120), java.util.Map.of());
    }

    @Test
    void a_critical_alert_opens_a_p1_monitoring_incident_and_registers_incident_opened() {
        var incident = Incident.openFor(alert("critical", "5xx above 5% on checkout"), List.of(), List.of(), T, T);

        assertThat(incident.source()).isEqualTo(Source.MONITORING);
        assertThat(incident.priority()).isEqualTo(Priority.P1);
        assertThat(incident.state()).isEqualTo(State.OPEN);
        assertThat(incident.title()).isEqualTo("5xx above 5% on checkout");
        assertThat(incident.startedAt()).isEqualTo(T.minusSeconds(120));
        assertThat(incident.openedAt()).isEqualTo(T);
        assertThat(incident.reportedBy()).isEqualTo("monitoring");
        assertThat(incident.fingerprint()).isEqualTo("fp-1");
        assertThat(incident.occurrences()).isEqualTo(1);
        assertThat(incident.lastSeenAt()).isEqualTo(T);
        assertThat(incident.pullEvents()).singleElement().isInstanceOfSatisfying(IncidentOpened.class, e -> {
            assertThat(e.incidentId()).isEqualTo(incident.id());
            assertThat(e.priority()).isEqualTo(Priority.P1);
        });
        assertThat(incident.pullEvents()).as("events are pulled once").isEmpty();
    }

    @Test
    void an_alert_without_summary_is_titled_by_its_name_service_and_environment() {
        assertThat(Incident.openFor(alert(null, null), List.of(), List.of(), T, T).title())
                .isEqualTo("HighErrorRate on checkout/production");
        assertThat(Incident.openFor(alert(null, "  "), List.of(), List.of(), T, T).title())
                .isEqualTo("HighErrorRate on checkout/production");
    }

    @Test
    void a_repeated_notification_counts_an_occurrence_and_registers_no_event() {
        var incident = Incident.openFor(alert("warning", null), List.of(), List.of(), T, T);
        incident.pullEvents();

        incident.recordOccurrence(T.plusSeconds(300));
        incident.recordOccurrence(T.plusSeconds(100)); // late delivery: last seen does not go back

        assertThat(incident.occurrences()).isEqualTo(3);
        assertThat(incident.lastSeenAt()).isEqualTo(T.plusSeconds(300));
        assertThat(incident.pullEvents()).isEmpty();
    }

    @Test
    void resolving_measures_time_to_restore_from_the_start() {
        var incident = Incident.openFor(alert("critical", null), List.of(), List.of(), T, T);
        incident.pullEvents();

        incident.resolve(T.plusSeconds(600), "monitoring");

        assertThat(incident.state()).isEqualTo(State.RESOLVED);
        assertThat(incident.resolvedAt()).isEqualTo(T.plusSeconds(600));
        assertThat(incident.resolvedBy()).isEqualTo("monitoring");
        assertThat(incident.timeToRestore()).contains(Duration.ofSeconds(720));
        assertThat(incident.pullEvents()).singleElement().isInstanceOfSatisfying(IncidentResolved.class,
                e -> assertThat(e.timeToRestoreSeconds()).isEqualTo(720));
    }

    @Test
    void the_timeline_shows_the_alert_the_opening_its_suspects_each_repeat_and_the_resolution_in_order() {
        var incident = Incident.openFor(alert("critical", "5xx above 5% on checkout"), List.of(), List.of(), T, T);
        incident.recordOccurrence(T.plusSeconds(300));
        incident.resolve(T.plusSeconds(600), "monitoring");

        assertThat(incident.pullTimeline()).extracting(TimelineEntry::at, TimelineEntry::kind, TimelineEntry::actor,
                TimelineEntry::text).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(T.minusSeconds(120), Kind.ALERT, "monitoring",
                                "alert HighErrorRate fired (fingerprint fp-1)"),
                        org.assertj.core.groups.Tuple.tuple(T, Kind.OPENED, "monitoring",
                                "opened as P1: 5xx above 5% on checkout"),
                        org.assertj.core.groups.Tuple.tuple(T, Kind.SUSPECTS, "monitoring",
                                "no deployment is suspected"),
                        org.assertj.core.groups.Tuple.tuple(T.plusSeconds(300), Kind.ALERT, "monitoring",
                                "alert notified again (occurrence 2)"),
                        org.assertj.core.groups.Tuple.tuple(T.plusSeconds(600), Kind.STATE, "monitoring",
                                "resolved: the alert cleared"));
        assertThat(incident.pullTimeline()).as("lines are pulled once").isEmpty();
    }

    @Test
    void time_to_restore_is_never_negative() {
        var incident = Incident.openFor(alert("critical", null), List.of(), List.of(), T, T);
        incident.resolve(T.minusSeconds(3600), "monitoring"); // a resolution clock behind the alert's

        assertThat(incident.timeToRestore()).contains(Duration.ZERO);
        assertThat(Incident.timeToRestore(T, T)).isEqualTo(Duration.ZERO);
    }

    @Test
    void an_open_incident_has_no_time_to_restore() {
        assertThat(Incident.openFor(alert("info", null), List.of(), List.of(), T, T).timeToRestore()).isEmpty();
    }

    @Test
    void a_resolved_incident_cannot_be_resolved_again_nor_record_occurrences() {
        var incident = Incident.openFor(alert("critical", null), List.of(), List.of(), T, T);
        incident.resolve(T.plusSeconds(60), "sam");
        incident.pullEvents();

        assertThatThrownBy(() -> incident.resolve(T.plusSeconds(120), "sam"))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.kind()).isEqualTo(RuleViolationException.Kind.STATE_CONFLICT));
        assertThatThrownBy(() -> incident.recordOccurrence(T.plusSeconds(120)))
                .isInstanceOf(RuleViolationException.class);
        assertThat(incident.resolvedAt()).isEqualTo(T.plusSeconds(60));
        assertThat(incident.pullEvents()).isEmpty();
    }

    @Test
    void the_service_desk_logs_an_incident_with_its_own_impact_and_urgency_starting_now_by_default() {
        var report = new ServiceDeskReport("checkout", "production", "Users cannot pay", "since the morning",
                Level.LOW, Level.HIGH, null);

        var incident = Incident.openFor(report, "sam", List.of(), List.of(), T);

        assertThat(incident.source()).isEqualTo(Source.SERVICE_DESK);
        assertThat(incident.priority()).isEqualTo(Priority.P3);
        assertThat(incident.startedAt()).isEqualTo(T);
        assertThat(incident.reportedBy()).isEqualTo("sam");
        assertThat(incident.fingerprint()).isNull();
        assertThat(incident.description()).isEqualTo("since the morning");
    }

    @Test
    void the_service_desk_cannot_log_an_incident_that_starts_in_the_future() {
        var report = new ServiceDeskReport("checkout", "production", "Users cannot pay", null, Level.LOW, Level.HIGH,
                T.plusSeconds(1));

        assertThatThrownBy(() -> Incident.openFor(report, "sam", List.of(), List.of(), T))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.kind()).isEqualTo(RuleViolationException.Kind.UNPROCESSABLE));
        assertThat(Incident.openFor(new ServiceDeskReport("checkout", "production", "t", null, Level.LOW, Level.LOW,
                T), "sam", List.of(), List.of(), T).startedAt()).as("starting exactly now is fine").isEqualTo(T);
    }

    @Test
    void an_incident_opens_with_the_known_errors_it_matched_each_on_its_timeline_and_in_incident_opened() {
        var pool = new SuggestedKnownError(java.util.UUID.randomUUID(), "Pool exhausted", "restart the pods");
        var provider = new SuggestedKnownError(java.util.UUID.randomUUID(), "Provider rate limit", null);
        var incident = Incident.openFor(alert("critical", null), List.of(), List.of(pool, provider), T, T);

        assertThat(incident.knownErrors()).containsExactly(pool, provider);
        assertThat(incident.pullTimeline()).filteredOn(e -> e.kind() == Kind.PROBLEM).containsExactly(
                new TimelineEntry(incident.id(), T, Kind.PROBLEM, "monitoring",
                        "known error suggested: \"Pool exhausted\"; workaround: restart the pods", pool.problemId()),
                new TimelineEntry(incident.id(), T, Kind.PROBLEM, "monitoring",
                        "known error suggested: \"Provider rate limit\" (no workaround recorded)",
                        provider.problemId()));
        assertThat(incident.pullEvents()).singleElement().isInstanceOfSatisfying(IncidentOpened.class,
                e -> assertThat(e.knownErrors()).containsExactly(pool, provider));

        var none = Incident.openFor(alert("critical", null), List.of(), List.of(), T, T);
        assertThat(none.pullTimeline()).noneMatch(e -> e.kind() == Kind.PROBLEM);
        assertThat(none.pullEvents()).singleElement().isInstanceOfSatisfying(IncidentOpened.class,
                e -> assertThat(e.knownErrors()).as("left out of the event").isNull());
    }
}
