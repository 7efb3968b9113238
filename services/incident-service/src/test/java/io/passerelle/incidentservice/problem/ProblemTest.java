package io.passerelle.incidentservice.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import io.passerelle.incidentservice.timeline.TimelineEntry;
import io.passerelle.incidentservice.timeline.TimelineEntry.Kind;
import io.passerelle.platform.domain.RuleViolationException;
import org.junit.jupiter.api.Test;

class ProblemTest {

    private static final Instant T = Instant.parse("2026-03-10T14:00:00Z");
    private static final UUID INCIDENT = UUID.fromString("5f1c9b7e-2a4d-4c8f-b3e6-7d9a1c2e4f60");
    private static final UUID OTHER_INCIDENT = UUID.fromString("0e7d6c5b-4a39-4281-8706-f5e4d3c2b1a0");
    private static final KnownErrorMatch MATCH = new KnownErrorMatch("checkout", "HighErrorRate", Map.of());

    /** A problem as raised, its events and lines already pulled (as after it was stored). */
    private static Problem raised(UUID... incidents) {
        var problem = Problem.raise("Pool exhausted", null, "checkout", List.of(incidents), "pia", T);
        problem.pullEvents();
        problem.pullTimeline();
        return problem;
    }

    private static Problem investigating() {
        var problem = raised(INCIDENT);
        problem.investigate("pia", T.plusSeconds(60));
        return problem;
    }

    private static Problem knownError() {
        var problem = investigating();
        problem.recordKnownError("pool sized for 4 pods", "restart the pods", MATCH, "pia", T.plusSeconds(120));
        problem.pullEvents();
        return problem;
    }

    private static Problem resolved() {
        var problem = knownError();
        problem.resolve(null, "pia", T.plusSeconds(180));
        problem.pullEvents();
        return problem;
    }

    @Test
    void a_problem_raised_from_incidents_is_new_linked_to_them_and_says_so_on_their_timelines() {
        var problem = Problem.raise("  Pool exhausted ", " ", "checkout", List.of(INCIDENT, OTHER_INCIDENT), "pia", T);

        assertThat(problem.state()).isEqualTo(ProblemState.NEW);
        assertThat(problem.title()).isEqualTo("Pool exhausted");
        assertThat(problem.description()).as("a blank description is none").isNull();
        assertThat(problem.raised()).isEqualTo(new Step("pia", T));
        assertThat(problem.incidentIds()).containsExactly(INCIDENT, OTHER_INCIDENT);
        assertThat(problem.incidents()).first().isEqualTo(new IncidentLink(INCIDENT, T, "pia"));
        assertThat(problem.pullTimeline()).containsExactly(
                new TimelineEntry(INCIDENT, T, Kind.PROBLEM, "pia", "linked to problem \"Pool exhausted\" (NEW)",
                        problem.id()),
                new TimelineEntry(OTHER_INCIDENT, T, Kind.PROBLEM, "pia",
                        "linked to problem \"Pool exhausted\" (NEW)", problem.id()));
        assertThat(problem.pullEvents()).containsExactly(new ProblemRaised(problem.id(), "Pool exhausted", "checkout",
                "pia", T, List.of(INCIDENT, OTHER_INCIDENT)));
        assertThat(problem.pullEvents()).as("pulled once").isEmpty();
    }

    @Test
    void a_problem_needs_a_title_and_names_each_incident_once() {
        assertThatThrownBy(() -> Problem.raise(" ", null, null, List.of(), "pia", T))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("title");
        assertThatThrownBy(() -> Problem.raise("t", null, null, List.of(INCIDENT, INCIDENT), "pia", T))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(INCIDENT + " twice");
    }

    @Test
    void investigation_starts_from_new_only() {
        var problem = raised();
        problem.investigate("sam", T.plusSeconds(5));
        assertThat(problem.state()).isEqualTo(ProblemState.UNDER_INVESTIGATION);
        assertThat(problem.investigated()).isEqualTo(new Step("sam", T.plusSeconds(5)));
        assertThat(problem.pullEvents()).as("starting an investigation publishes nothing").isEmpty();

        conflicts(investigating(), p -> p.investigate("pia", T));
        conflicts(knownError(), p -> p.investigate("pia", T));
    }

    @Test
    void a_known_error_has_a_root_cause_or_a_workaround_and_what_it_matches() {
        var problem = investigating();
        problem.recordKnownError(null, " restart the pods ", MATCH, "pia", T.plusSeconds(120));

        assertThat(problem.state()).isEqualTo(ProblemState.KNOWN_ERROR);
        assertThat(problem.workaround()).isEqualTo("restart the pods");
        assertThat(problem.rootCause()).isNull();
        assertThat(problem.match()).isEqualTo(MATCH);
        assertThat(problem.knownError()).isEqualTo(new Step("pia", T.plusSeconds(120)));
        assertThat(problem.pullEvents()).containsExactly(new KnownErrorRecorded(problem.id(), "Pool exhausted",
                "checkout", null, "restart the pods", MATCH, "pia", T.plusSeconds(120), List.of(INCIDENT)));

        var withCauseOnly = investigating();
        withCauseOnly.recordKnownError("pool sized for 4 pods", null, MATCH, "pia", T);
        assertThat(withCauseOnly.state()).isEqualTo(ProblemState.KNOWN_ERROR);

        var neither = investigating();
        assertThatThrownBy(() -> neither.recordKnownError(" ", null, MATCH, "pia", T))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.kind()).isEqualTo(RuleViolationException.Kind.UNPROCESSABLE))
                .hasMessageContaining("a root cause or a workaround");
        assertThat(neither.state()).isEqualTo(ProblemState.UNDER_INVESTIGATION);
        assertThat(neither.pullEvents()).isEmpty();
    }

    @Test
    void only_a_problem_under_investigation_becomes_a_known_error() {
        conflicts(raised(), p -> p.recordKnownError("c", "w", MATCH, "pia", T));
        conflicts(knownError(), p -> p.recordKnownError("c", "w", MATCH, "pia", T));
        conflicts(resolved(), p -> p.recordKnownError("c", "w", MATCH, "pia", T));
    }

    @Test
    void resolving_needs_the_root_cause_recorded_before_or_given_now() {
        var known = knownError();
        var fix = UUID.fromString("c2a9e4f1-6d3b-4a8e-b5c7-9e1f2d3a4b5c");
        known.fixWith(fix);
        known.resolve(null, "pia", T.plusSeconds(300));
        assertThat(known.state()).isEqualTo(ProblemState.RESOLVED);
        assertThat(known.resolved()).isEqualTo(new Step("pia", T.plusSeconds(300)));
        assertThat(known.pullEvents()).containsExactly(new ProblemResolved(known.id(), "Pool exhausted", "checkout",
                "pool sized for 4 pods", fix, "pia", T.plusSeconds(300), List.of(INCIDENT)));

        var workaroundOnly = investigating();
        workaroundOnly.recordKnownError(null, "restart the pods", MATCH, "pia", T);
        assertThatThrownBy(() -> workaroundOnly.resolve(null, "pia", T))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.kind()).isEqualTo(RuleViolationException.Kind.UNPROCESSABLE))
                .hasMessageContaining("root cause");
        assertThat(workaroundOnly.state()).isEqualTo(ProblemState.KNOWN_ERROR);

        var straightFromInvestigation = investigating();
        straightFromInvestigation.resolve("a typo in the pool size", "pia", T);
        assertThat(straightFromInvestigation.state()).isEqualTo(ProblemState.RESOLVED);
        assertThat(straightFromInvestigation.rootCause()).isEqualTo("a typo in the pool size");
    }

    @Test
    void new_resolved_and_closed_problems_are_not_resolved() {
        conflicts(raised(), p -> p.resolve("c", "pia", T));
        conflicts(resolved(), p -> p.resolve("c", "pia", T));
        var closed = resolved();
        closed.close("pia", T);
        closed.pullEvents();
        conflicts(closed, p -> p.resolve("c", "pia", T));
    }

    @Test
    void the_fix_is_named_until_the_problem_is_resolved() {
        var change = UUID.randomUUID();
        var problem = raised();
        problem.fixWith(UUID.randomUUID());
        problem.fixWith(change);
        assertThat(problem.fixChangeId()).as("named anew").isEqualTo(change);
        conflicts(resolved(), p -> p.fixWith(change));
    }

    @Test
    void a_resolved_problem_closes_and_then_changes_no_more() {
        var problem = resolved();
        problem.close("sam", T.plusSeconds(400));
        assertThat(problem.state()).isEqualTo(ProblemState.CLOSED);
        assertThat(problem.closed()).isEqualTo(new Step("sam", T.plusSeconds(400)));
        assertThat(problem.duplicateOf()).isNull();
        assertThat(problem.pullEvents()).containsExactly(new ProblemClosed(problem.id(), "Pool exhausted", "checkout",
                null, "sam", T.plusSeconds(400)));

        conflicts(problem, p -> p.close("pia", T));
        conflicts(problem, p -> p.link(OTHER_INCIDENT, "pia", T));
        conflicts(problem, p -> p.unlink(INCIDENT, "pia", T));
        conflicts(problem, p -> p.closeAsDuplicateOf(raised(), "pia", T));
    }

    @Test
    void a_problem_not_resolved_closes_only_as_a_duplicate_of_another() {
        conflicts(raised(), p -> p.close("pia", T));
        conflicts(knownError(), p -> p.close("pia", T));

        var original = raised();
        var duplicate = knownError();
        duplicate.closeAsDuplicateOf(original, "pia", T.plusSeconds(500));
        assertThat(duplicate.state()).isEqualTo(ProblemState.CLOSED);
        assertThat(duplicate.duplicateOf()).isEqualTo(original.id());
        assertThat(duplicate.pullEvents()).containsExactly(new ProblemClosed(duplicate.id(), "Pool exhausted",
                "checkout", original.id(), "pia", T.plusSeconds(500)));
    }

    @Test
    void a_problem_is_no_duplicate_of_itself_nor_of_a_duplicate() {
        var problem = investigating();
        assertThatThrownBy(() -> problem.closeAsDuplicateOf(problem, "pia", T))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.kind()).isEqualTo(RuleViolationException.Kind.UNPROCESSABLE))
                .hasMessageContaining("cannot be a duplicate of itself");

        var original = raised();
        var duplicate = raised();
        duplicate.closeAsDuplicateOf(original, "pia", T);
        assertThatThrownBy(() -> problem.closeAsDuplicateOf(duplicate, "pia", T))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.kind()).isEqualTo(RuleViolationException.Kind.UNPROCESSABLE))
                .hasMessageContaining("is itself a duplicate of " + original.id());
        assertThat(problem.state()).isEqualTo(ProblemState.UNDER_INVESTIGATION);
        assertThat(problem.pullEvents()).isEmpty();
    }

    @Test
    void incidents_are_linked_once_and_unlinked_when_linked_each_time_on_their_timeline() {
        var problem = knownError();
        problem.link(OTHER_INCIDENT, "sam", T.plusSeconds(10));
        assertThat(problem.incidentIds()).containsExactly(INCIDENT, OTHER_INCIDENT);
        conflicts(problem, p -> p.link(OTHER_INCIDENT, "pia", T));

        problem.unlink(INCIDENT, "pia", T.plusSeconds(20));
        assertThat(problem.incidentIds()).containsExactly(OTHER_INCIDENT);
        conflicts(problem, p -> p.unlink(INCIDENT, "pia", T));
        assertThat(problem.pullTimeline()).containsExactly(
                new TimelineEntry(OTHER_INCIDENT, T.plusSeconds(10), Kind.PROBLEM, "sam",
                        "linked to problem \"Pool exhausted\" (KNOWN_ERROR)", problem.id()),
                new TimelineEntry(INCIDENT, T.plusSeconds(20), Kind.PROBLEM, "pia",
                        "unlinked from problem \"Pool exhausted\"", problem.id()));
        assertThat(problem.pullEvents()).as("linking publishes nothing").isEmpty();

        var resolved = resolved();
        resolved.link(OTHER_INCIDENT, "pia", T);
        assertThat(resolved.incidentIds()).as("a recurrence after the fix").contains(OTHER_INCIDENT);
    }

    /** The transition is refused as a conflict with the state, and changes nothing. */
    private static void conflicts(Problem problem, Consumer<Problem> transition) {
        var state = problem.state();
        var incidents = problem.incidentIds();
        assertThatThrownBy(() -> transition.accept(problem))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.kind()).isEqualTo(RuleViolationException.Kind.STATE_CONFLICT))
                .hasMessageContaining("problem " + problem.id());
        assertThat(problem.state()).isEqualTo(state);
        assertThat(problem.incidentIds()).isEqualTo(incidents);
        assertThat(problem.pullEvents()).isEmpty();
    }
}
