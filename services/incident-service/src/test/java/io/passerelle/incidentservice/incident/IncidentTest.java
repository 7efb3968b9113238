package io.passerelle.incidentservice.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.passerelle.incidentservice.deployment.Outcome;
import io.passerelle.incidentservice.suspect.Suspect;
import io.passerelle.incidentservice.timeline.TimelineEntry;
import io.passerelle.incidentservice.timeline.TimelineEntry.Kind;
import io.passerelle.platform.domain.RuleViolationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IncidentTest {

    private static final Instant T = Instant.parse("2026-03-10T12:00:00Z");
    private static final Duration REOPEN_WITHIN = Duration.ofDays(7);
    private static final Rating P1 = PriorityMatrix.itil().rate(Level.HIGH, Level.HIGH);
    private static final Rating P3 = PriorityMatrix.itil().rate(Level.MEDIUM, Level.MEDIUM);

    private static FiringAlert alert(String summary) {
        return new FiringAlert("fp-1", "HighErrorRate", "checkout", "production", "critical", summary,
                T.minusSeconds(120), Map.of());
    }

    private static Incident opened() {
        return Incident.openFor(alert(null), P1, List.of(), List.of(), T, T);
    }

    /** A fresh incident brought to {@code state} by the legal transitions, its lines and events pulled. */
    private static Incident in(State state) {
        var incident = opened();
        var at = T;
        for (var step : List.of(State.ACKNOWLEDGED, State.IN_PROGRESS, State.ON_HOLD, State.RESOLVED, State.CLOSED)) {
            if (incident.state() == state) {
                break;
            }
            at = at.plusSeconds(60);
            switch (step) {
                case ACKNOWLEDGED -> incident.acknowledge(at, "otto");
                case IN_PROGRESS -> incident.start(at, "otto");
                case ON_HOLD -> incident.hold(at, "otto", "waiting for the payment provider");
                case RESOLVED -> incident.resolve(at, "otto");
                case CLOSED -> incident.close(at, "sam");
                default -> throw new IllegalStateException();
            }
        }
        assertThat(incident.state()).isEqualTo(state);
        incident.pullEvents();
        incident.pullTimeline();
        return incident;
    }

    /** Every action a person or monitoring can take, and the states it is legal in (→ the state after). */
    private static final Map<String, Consumer<Incident>> ACTIONS = Map.ofEntries(
            Map.entry("acknowledge", i -> i.acknowledge(T.plusSeconds(3600), "otto")),
            Map.entry("start", i -> i.start(T.plusSeconds(3600), "otto")),
            Map.entry("hold", i -> i.hold(T.plusSeconds(3600), "otto", "waiting")),
            Map.entry("resume", i -> i.resume(T.plusSeconds(3600), "otto")),
            Map.entry("resolve", i -> i.resolve(T.plusSeconds(3600), "otto")),
            Map.entry("close", i -> i.close(T.plusSeconds(3600), "sam")),
            Map.entry("reopen", i -> i.reopen(T.plusSeconds(3600), "sam", "not fixed", REOPEN_WITHIN)),
            Map.entry("record an occurrence", i -> i.recordOccurrence(T.plusSeconds(3600))),
            Map.entry("reprioritize", i -> i.reprioritize(P3, "fewer users than thought", T.plusSeconds(3600), "sam")),
            Map.entry("assign", i -> i.assign(new Assignment("otto", null), T.plusSeconds(3600), "sam")),
            Map.entry("note", i -> i.addNote("restarted the pods", T.plusSeconds(3600), "otto")));

    private static final Set<State> OPEN = EnumSet.of(State.NEW, State.ACKNOWLEDGED, State.IN_PROGRESS, State.ON_HOLD);

    private static final Map<String, Map<State, State>> LEGAL = Map.ofEntries(
            Map.entry("acknowledge", Map.of(State.NEW, State.ACKNOWLEDGED)),
            Map.entry("start", Map.of(State.ACKNOWLEDGED, State.IN_PROGRESS)),
            Map.entry("hold", Map.of(State.IN_PROGRESS, State.ON_HOLD)),
            Map.entry("resume", Map.of(State.ON_HOLD, State.IN_PROGRESS)),
            Map.entry("resolve", Map.of(State.NEW, State.RESOLVED, State.ACKNOWLEDGED, State.RESOLVED,
                    State.IN_PROGRESS, State.RESOLVED, State.ON_HOLD, State.RESOLVED)),
            Map.entry("close", Map.of(State.RESOLVED, State.CLOSED)),
            Map.entry("reopen", Map.of(State.RESOLVED, State.IN_PROGRESS)),
            Map.entry("record an occurrence", same(OPEN)),
            Map.entry("reprioritize", same(OPEN)),
            Map.entry("assign", same(EnumSet.complementOf(EnumSet.of(State.CLOSED)))),
            Map.entry("note", same(EnumSet.complementOf(EnumSet.of(State.CLOSED)))));

    private static Map<State, State> same(Set<State> states) {
        var map = new java.util.EnumMap<State, State>(State.class);
        states.forEach(s -> map.put(s, s));
        return map;
    }

    static Stream<Arguments> everyActionInEveryState() {
        var all = new ArrayList<Arguments>();
        for (var action : ACTIONS.keySet().stream().sorted().toList()) {
            for (var state : State.values()) {
                all.add(Arguments.of(action, state));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyActionInEveryState")
    void each_action_is_legal_in_its_states_only_and_an_illegal_one_is_a_state_conflict_that_changes_nothing(
            String action, State state) {
        var incident = in(state);
        var after = LEGAL.get(action).get(state);

        if (after != null) {
            ACTIONS.get(action).accept(incident);
            assertThat(incident.state()).isEqualTo(after);
            assertThat(incident.pullTimeline()).as("every change is a line on the timeline").isNotEmpty();
        } else {
            var version = incident.version();
            var rating = incident.rating();
            var assignment = incident.assignment();
            assertThatThrownBy(() -> ACTIONS.get(action).accept(incident))
                    .isInstanceOfSatisfying(RuleViolationException.class,
                            e -> assertThat(e.kind()).isEqualTo(RuleViolationException.Kind.STATE_CONFLICT))
                    .hasMessageContaining("is " + state + ": it cannot");
            assertThat(incident.state()).isEqualTo(state);
            assertThat(incident.rating()).isEqualTo(rating);
            assertThat(incident.assignment()).isEqualTo(assignment);
            assertThat(incident.version()).isEqualTo(version);
            assertThat(incident.pullTimeline()).isEmpty();
            assertThat(incident.pullEvents()).isEmpty();
        }
    }

    @Test
    void open_means_new_acknowledged_in_progress_or_on_hold() {
        assertThat(EnumSet.allOf(State.class).stream().filter(State::isOpen)).containsExactlyElementsOf(OPEN);
    }

    @Test
    void a_critical_alert_opens_a_new_p1_monitoring_incident_and_registers_incident_opened() {
        var incident = Incident.openFor(alert("5xx above 5% on checkout"), P1, List.of(), List.of(), T, T);

        assertThat(incident.source()).isEqualTo(Source.MONITORING);
        assertThat(incident.priority()).isEqualTo(Priority.P1);
        assertThat(incident.state()).isEqualTo(State.NEW);
        assertThat(incident.attributed()).isTrue();
        assertThat(incident.title()).isEqualTo("5xx above 5% on checkout");
        assertThat(incident.startedAt()).isEqualTo(T.minusSeconds(120));
        assertThat(incident.openedAt()).isEqualTo(T);
        assertThat(incident.reportedBy()).isEqualTo("monitoring");
        assertThat(incident.fingerprint()).isEqualTo("fp-1");
        assertThat(incident.occurrences()).isEqualTo(1);
        assertThat(incident.lastSeenAt()).isEqualTo(T);
        assertThat(incident.assignment()).isEqualTo(Assignment.NOBODY);
        assertThat(incident.timeToAcknowledge()).isEmpty();
        assertThat(incident.pullEvents()).singleElement().isInstanceOfSatisfying(IncidentOpened.class, e -> {
            assertThat(e.incidentId()).isEqualTo(incident.id());
            assertThat(e.priority()).isEqualTo(Priority.P1);
            assertThat(e.attributed()).isTrue();
        });
        assertThat(incident.pullEvents()).as("events are pulled once").isEmpty();
    }

    @Test
    void an_alert_without_summary_is_titled_by_its_name_service_and_environment_or_its_fingerprint() {
        assertThat(Incident.openFor(alert(null), P1, List.of(), List.of(), T, T).title())
                .isEqualTo("HighErrorRate on checkout/production");
        assertThat(Incident.openFor(alert("  "), P1, List.of(), List.of(), T, T).title())
                .isEqualTo("HighErrorRate on checkout/production");
        assertThat(new FiringAlert("fp-2", null, "checkout", "production", null, null, T, Map.of()).title())
                .isEqualTo("alert fp-2 on checkout/production");
    }

    @Test
    void an_unattributed_alert_opens_an_incident_without_service_environment_or_suspects_that_says_so() {
        var unattributed = new FiringAlert("fp-9", "DiskFull", null, null, "warning", null, T.minusSeconds(60),
                Map.of());

        var incident = Incident.openFor(unattributed, P3, List.of(), List.of(), T, T);

        assertThat(incident.attributed()).isFalse();
        assertThat(incident.service()).isNull();
        assertThat(incident.environment()).isNull();
        assertThat(incident.title()).isEqualTo("DiskFull (unattributed)");
        assertThat(incident.pullTimeline()).extracting(TimelineEntry::kind, TimelineEntry::text).contains(
                tuple(Kind.SUSPECTS, "unattributed: the alert's labels name no Passerelle service and environment,"
                        + " so no deployment is suspected"));
        assertThat(incident.pullEvents()).singleElement().isInstanceOfSatisfying(IncidentOpened.class, e -> {
            assertThat(e.attributed()).isFalse();
            assertThat(e.service()).isNull();
            assertThat(e.suspects()).isEmpty();
        });
        var suspect = new Suspect(1, UUID.randomUUID(), "1.0", "1a2b3c4", null, Outcome.SUCCEEDED, T, 1.0, "r");
        assertThatThrownBy(() -> Incident.openFor(unattributed, P3, List.of(suspect), List.of(), T, T))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_alert_naming_a_service_without_an_environment_is_unattributed() {
        assertThat(new FiringAlert("fp", "A", "checkout", null, null, null, T, Map.of()).attributed()).isFalse();
        assertThat(new FiringAlert("fp", "A", null, "production", null, null, T, Map.of()).service()).isNull();
    }

    @Test
    void a_repeated_notification_counts_an_occurrence_and_registers_no_event() {
        var incident = opened();
        incident.pullEvents();

        incident.recordOccurrence(T.plusSeconds(300));
        incident.recordOccurrence(T.plusSeconds(100)); // late delivery: last seen does not go back

        assertThat(incident.occurrences()).isEqualTo(3);
        assertThat(incident.lastSeenAt()).isEqualTo(T.plusSeconds(300));
        assertThat(incident.pullEvents()).isEmpty();
    }

    @Test
    void acknowledging_measures_the_time_to_acknowledge_and_registers_incident_acknowledged() {
        var incident = opened();
        incident.pullEvents();
        incident.pullTimeline();

        incident.acknowledge(T.plusSeconds(245), "otto");

        assertThat(incident.acknowledged()).isEqualTo(new Stamp(T.plusSeconds(245), "otto"));
        assertThat(incident.timeToAcknowledge()).contains(Duration.ofSeconds(245));
        assertThat(incident.pullTimeline()).extracting(TimelineEntry::kind, TimelineEntry::actor, TimelineEntry::text)
                .containsExactly(tuple(Kind.STATE, "otto", "acknowledged 4 min after it opened"));
        assertThat(incident.pullEvents()).singleElement().isInstanceOfSatisfying(IncidentAcknowledged.class, e -> {
            assertThat(e.acknowledgedBy()).isEqualTo("otto");
            assertThat(e.timeToAcknowledgeSeconds()).isEqualTo(245);
            assertThat(e.priority()).isEqualTo(Priority.P1);
        });
    }

    @Test
    void a_hold_keeps_its_reason_until_work_resumes_and_needs_one() {
        var incident = in(State.IN_PROGRESS);

        assertThatThrownBy(() -> incident.hold(T.plusSeconds(900), "otto", "  "))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.kind()).isEqualTo(RuleViolationException.Kind.UNPROCESSABLE));
        assertThatThrownBy(() -> incident.hold(T.plusSeconds(900), "otto", "x".repeat(1001)))
                .hasMessageContaining("at most 1000 characters");
        assertThat(incident.state()).isEqualTo(State.IN_PROGRESS);
        assertThat(incident.pullTimeline()).isEmpty();

        incident.hold(T.plusSeconds(900), "otto", " waiting for the vendor ");
        assertThat(incident.holdReason()).isEqualTo("waiting for the vendor");
        incident.resume(T.plusSeconds(1800), "otto");

        assertThat(incident.holdReason()).isNull();
        assertThat(incident.pullTimeline()).extracting(TimelineEntry::text)
                .containsExactly("on hold: waiting for the vendor", "resumed");
    }

    @Test
    void resolving_measures_time_to_restore_from_the_start() {
        var incident = opened();
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
    void an_alert_that_clears_resolves_an_incident_on_hold_and_forgets_why_it_waited() {
        var incident = in(State.ON_HOLD);

        incident.resolve(T.plusSeconds(3600), Incident.MONITORING);

        assertThat(incident.state()).isEqualTo(State.RESOLVED);
        assertThat(incident.holdReason()).isNull();
        assertThat(incident.pullTimeline()).extracting(TimelineEntry::text).containsExactly("resolved: the alert cleared");
    }

    @Test
    void a_reopened_incident_is_in_progress_without_its_resolution_and_its_next_resolution_is_published_again() {
        var incident = in(State.RESOLVED);
        var firstResolution = incident.resolvedAt();

        incident.reopen(T.plusSeconds(7200), "sam", "customers still cannot pay", REOPEN_WITHIN);

        assertThat(incident.state()).isEqualTo(State.IN_PROGRESS);
        assertThat(incident.resolvedAt()).isNull();
        assertThat(incident.timeToRestore()).isEmpty();
        assertThat(incident.pullEvents()).singleElement().isInstanceOfSatisfying(IncidentReopened.class, e -> {
            assertThat(e.resolvedAt()).isEqualTo(firstResolution);
            assertThat(e.reopenedAt()).isEqualTo(T.plusSeconds(7200));
            assertThat(e.reopenedBy()).isEqualTo("sam");
            assertThat(e.reason()).isEqualTo("customers still cannot pay");
        });

        incident.resolve(T.plusSeconds(9000), "otto");

        assertThat(incident.timeToRestore()).contains(Duration.ofSeconds(9120));
        assertThat(incident.pullEvents()).singleElement().isInstanceOfSatisfying(IncidentResolved.class,
                e -> assertThat(e.resolvedAt()).isEqualTo(T.plusSeconds(9000)));
        assertThat(incident.pullTimeline()).extracting(TimelineEntry::text)
                .containsExactly("reopened: customers still cannot pay", "resolved");
    }

    @Test
    void an_incident_may_be_reopened_until_the_end_of_the_reopen_period_not_after() {
        var incident = in(State.RESOLVED);
        var end = incident.resolvedAt().plus(REOPEN_WITHIN);

        assertThatThrownBy(() -> incident.reopen(end.plusSeconds(1), "sam", "again", REOPEN_WITHIN))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.kind()).isEqualTo(RuleViolationException.Kind.STATE_CONFLICT))
                .hasMessageContaining("it could be reopened until " + end);
        assertThat(incident.state()).isEqualTo(State.RESOLVED);
        assertThatThrownBy(() -> incident.reopen(end, "sam", " ", REOPEN_WITHIN))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.kind()).isEqualTo(RuleViolationException.Kind.UNPROCESSABLE));

        incident.reopen(end, "sam", "again", REOPEN_WITHIN);
        assertThat(incident.state()).isEqualTo(State.IN_PROGRESS);
    }

    @Test
    void closing_is_final_and_says_who_closed_it() {
        var byHand = in(State.RESOLVED);
        byHand.close(T.plus(Duration.ofDays(1)), "sam");
        var byItself = in(State.RESOLVED);
        byItself.close(T.plus(Duration.ofDays(8)), Incident.PASSERELLE);

        assertThat(byHand.closed()).isEqualTo(new Stamp(T.plus(Duration.ofDays(1)), "sam"));
        assertThat(byHand.pullTimeline()).extracting(TimelineEntry::text).containsExactly("closed");
        assertThat(byItself.pullTimeline()).extracting(TimelineEntry::text)
                .containsExactly("closed: its reopen period is over");
        assertThat(byItself.pullEvents()).as("nobody needs an event for it").isEmpty();
        assertThat(byHand.timeToRestore()).as("a closed incident keeps its time to restore").isPresent();
    }

    @Test
    void an_assignment_names_a_person_a_group_or_both_and_the_same_one_again_is_nothing() {
        var incident = in(State.ACKNOWLEDGED);

        incident.assign(new Assignment("otto", "payments-oncall"), T.plusSeconds(100), "sam");
        incident.assign(new Assignment("otto", "payments-oncall"), T.plusSeconds(200), "sam");
        incident.assign(new Assignment(null, "payments-oncall"), T.plusSeconds(300), "otto");
        incident.assign(new Assignment(" ", null), T.plusSeconds(400), "sam");

        assertThat(incident.assignment()).isEqualTo(Assignment.NOBODY);
        assertThat(incident.pullTimeline()).extracting(TimelineEntry::kind, TimelineEntry::actor, TimelineEntry::text)
                .containsExactly(tuple(Kind.ASSIGNMENT, "sam", "assigned to otto (group payments-oncall)"),
                        tuple(Kind.ASSIGNMENT, "otto", "assigned to group payments-oncall"),
                        tuple(Kind.ASSIGNMENT, "sam", "unassigned"));
    }

    @Test
    void a_work_note_goes_on_the_timeline_as_written_and_must_be_neither_blank_nor_too_long() {
        var incident = in(State.RESOLVED);

        var note = incident.addNote("  rolled back by hand; see the change\n", T.plusSeconds(100), "otto");

        assertThat(note.kind()).isEqualTo(Kind.NOTE);
        assertThat(note.text()).isEqualTo("rolled back by hand; see the change");
        assertThat(incident.pullTimeline()).containsExactly(note);
        for (var refused : List.of(" \n ", "x".repeat(Incident.NOTE_MAX_LENGTH + 1))) {
            assertThatThrownBy(() -> incident.addNote(refused, T.plusSeconds(200), "otto"))
                    .isInstanceOfSatisfying(RuleViolationException.class,
                            e -> assertThat(e.kind()).isEqualTo(RuleViolationException.Kind.UNPROCESSABLE));
        }
        assertThat(incident.addNote("x".repeat(Incident.NOTE_MAX_LENGTH), T.plusSeconds(300), "otto").text())
                .hasSize(Incident.NOTE_MAX_LENGTH);
    }

    @Test
    void a_priority_change_is_audited_old_to_new_with_who_and_why_and_the_same_rating_again_is_nothing() {
        var incident = in(State.IN_PROGRESS);

        incident.reprioritize(P3, " fewer users than thought ", T.plusSeconds(100), "sam");
        incident.reprioritize(P3, "again", T.plusSeconds(200), "sam");

        assertThat(incident.priority()).isEqualTo(Priority.P3);
        assertThat(incident.rating()).isEqualTo(P3);
        assertThat(incident.pullTimeline()).extracting(TimelineEntry::kind, TimelineEntry::actor, TimelineEntry::text)
                .containsExactly(tuple(Kind.PRIORITY, "sam", "priority P1 → P3 (impact HIGH → MEDIUM, urgency HIGH →"
                        + " MEDIUM): fewer users than thought"));
        assertThatThrownBy(() -> incident.reprioritize(P1, "", T.plusSeconds(300), "sam"))
                .isInstanceOf(RuleViolationException.class);
        assertThat(incident.priority()).isEqualTo(Priority.P3);
    }

    @Test
    void the_timeline_shows_the_alert_the_opening_its_suspects_each_repeat_and_the_resolution_in_order() {
        var incident = Incident.openFor(alert("5xx above 5% on checkout"), P1, List.of(), List.of(), T, T);
        incident.recordOccurrence(T.plusSeconds(300));
        incident.resolve(T.plusSeconds(600), "monitoring");

        assertThat(incident.pullTimeline()).extracting(TimelineEntry::at, TimelineEntry::kind, TimelineEntry::actor,
                TimelineEntry::text).containsExactly(
                        tuple(T.minusSeconds(120), Kind.ALERT, "monitoring",
                                "alert HighErrorRate fired (fingerprint fp-1)"),
                        tuple(T, Kind.OPENED, "monitoring", "opened as P1: 5xx above 5% on checkout"),
                        tuple(T, Kind.SUSPECTS, "monitoring", "no deployment is suspected"),
                        tuple(T.plusSeconds(300), Kind.ALERT, "monitoring", "alert notified again (occurrence 2)"),
                        tuple(T.plusSeconds(600), Kind.STATE, "monitoring", "resolved: the alert cleared"));
        assertThat(incident.pullTimeline()).as("lines are pulled once").isEmpty();
    }

    @Test
    void time_to_restore_and_to_acknowledge_are_never_negative() {
        var incident = opened();
        incident.acknowledge(T.minusSeconds(10), "otto"); // a clock behind the service's
        incident.resolve(T.minusSeconds(3600), "monitoring"); // a resolution clock behind the alert's

        assertThat(incident.timeToRestore()).contains(Duration.ZERO);
        assertThat(incident.timeToAcknowledge()).contains(Duration.ZERO);
        assertThat(Incident.timeToRestore(T, T)).isEqualTo(Duration.ZERO);
    }

    @Test
    void an_open_incident_has_no_time_to_restore() {
        assertThat(opened().timeToRestore()).isEmpty();
    }

    @Test
    void a_resolved_incident_cannot_be_resolved_again() {
        var incident = opened();
        incident.resolve(T.plusSeconds(60), "sam");
        incident.pullEvents();

        assertThatThrownBy(() -> incident.resolve(T.plusSeconds(120), "sam"))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.kind()).isEqualTo(RuleViolationException.Kind.STATE_CONFLICT))
                .hasMessageContaining("cannot be resolved again");
        assertThat(incident.resolvedAt()).isEqualTo(T.plusSeconds(60));
        assertThat(incident.pullEvents()).isEmpty();
    }

    @Test
    void the_service_desk_logs_an_incident_with_its_own_impact_and_urgency_starting_now_by_default() {
        var report = new ServiceDeskReport("checkout", "production", "Users cannot pay", "since the morning",
                Level.LOW, Level.HIGH, null);

        var incident = Incident.openFor(report, PriorityMatrix.itil().rate(Level.LOW, Level.HIGH), "sam", List.of(),
                List.of(), T);

        assertThat(incident.source()).isEqualTo(Source.SERVICE_DESK);
        assertThat(incident.priority()).isEqualTo(Priority.P3);
        assertThat(incident.state()).isEqualTo(State.NEW);
        assertThat(incident.startedAt()).isEqualTo(T);
        assertThat(incident.reportedBy()).isEqualTo("sam");
        assertThat(incident.fingerprint()).isNull();
        assertThat(incident.description()).isEqualTo("since the morning");
    }

    @Test
    void the_service_desk_cannot_log_an_incident_that_starts_in_the_future() {
        var report = new ServiceDeskReport("checkout", "production", "Users cannot pay", null, Level.LOW, Level.HIGH,
                T.plusSeconds(1));

        assertThatThrownBy(() -> Incident.openFor(report, P3, "sam", List.of(), List.of(), T))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.kind()).isEqualTo(RuleViolationException.Kind.UNPROCESSABLE));
        assertThat(Incident.openFor(new ServiceDeskReport("checkout", "production", "t", null, Level.LOW, Level.LOW,
                T), P3, "sam", List.of(), List.of(), T).startedAt()).as("starting exactly now is fine").isEqualTo(T);
    }

    @Test
    void an_incident_opens_with_the_known_errors_it_matched_each_on_its_timeline_and_in_incident_opened() {
        var pool = new SuggestedKnownError(java.util.UUID.randomUUID(), "Pool exhausted", "restart the pods");
        var provider = new SuggestedKnownError(java.util.UUID.randomUUID(), "Provider rate limit", null);
        var incident = Incident.openFor(alert(null), P1, List.of(), List.of(pool, provider), T, T);

        assertThat(incident.knownErrors()).containsExactly(pool, provider);
        assertThat(incident.pullTimeline()).filteredOn(e -> e.kind() == Kind.PROBLEM).containsExactly(
                new TimelineEntry(incident.id(), T, Kind.PROBLEM, "monitoring",
                        "known error suggested: \"Pool exhausted\"; workaround: restart the pods", pool.problemId()),
                new TimelineEntry(incident.id(), T, Kind.PROBLEM, "monitoring",
                        "known error suggested: \"Provider rate limit\" (no workaround recorded)",
                        provider.problemId()));
        assertThat(incident.pullEvents()).singleElement().isInstanceOfSatisfying(IncidentOpened.class,
                e -> assertThat(e.knownErrors()).containsExactly(pool, provider));

        var none = Incident.openFor(alert(null), P1, List.of(), List.of(), T, T);
        assertThat(none.pullTimeline()).noneMatch(e -> e.kind() == Kind.PROBLEM);
        assertThat(none.pullEvents()).singleElement().isInstanceOfSatisfying(IncidentOpened.class,
                e -> assertThat(e.knownErrors()).as("left out of the event").isNull());
    }
}
