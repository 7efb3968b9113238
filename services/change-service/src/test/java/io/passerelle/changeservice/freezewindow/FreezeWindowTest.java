package io.passerelle.changeservice.freezewindow;

import static io.passerelle.changeservice.freezewindow.FreezeScheduleTest.WEEKENDS;
import static io.passerelle.changeservice.freezewindow.FreezeScheduleTest.occurrence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.passerelle.platform.domain.RuleViolationException;
import org.junit.jupiter.api.Test;

class FreezeWindowTest {

    static final Instant DECLARED = Instant.parse("2026-03-01T10:00:00Z");
    static final FreezeScope PAYMENTS_IN_PRODUCTION = new FreezeScope(Set.of("payments"), Set.of("production"));

    @Test
    void declaring_a_window_registers_its_declaration_with_its_first_occurrence() {
        var window = weekends(PAYMENTS_IN_PRODUCTION);

        assertThat(window.pullEvents()).containsExactly(new FreezeWindowDeclared(window.id(), "Weekends",
                "No changes while nobody watches", Instant.parse("2026-03-20T15:00:00Z"),
                Instant.parse("2026-03-23T07:00:00Z"), "Europe/Paris", "FREQ=WEEKLY;BYDAY=FR", List.of("payments"),
                List.of("production"), "alice", DECLARED));
        assertThat(window.pullEvents()).isEmpty();
        assertThat(window.isActiveAt(DECLARED)).isTrue();
    }

    @Test
    void a_window_needs_a_name_and_a_reason() {
        for (var name : List.of("", "   ", "n".repeat(201))) {
            assertThatThrownBy(() -> FreezeWindow.declare(UUID.randomUUID(), name, "reason", WEEKENDS,
                    FreezeScope.EVERYTHING, "alice", DECLARED)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("name must hold 1 to 200 characters");
        }
        assertThatThrownBy(() -> FreezeWindow.declare(UUID.randomUUID(), "n", " ", WEEKENDS, FreezeScope.EVERYTHING,
                "alice", DECLARED)).hasMessageContaining("reason must hold 1 to 2000 characters");
    }

    @Test
    void a_window_over_before_it_is_declared_is_refused() {
        var past = FreezeSchedule.of(LocalDateTime.parse("2025-12-18T18:00"), LocalDateTime.parse("2026-01-04T08:00"),
                "Europe/Paris", null);

        assertThatThrownBy(() -> FreezeWindow.declare(UUID.randomUUID(), "Year end", "Holidays", past,
                FreezeScope.EVERYTHING, "alice", DECLARED)).isInstanceOfSatisfying(RuleViolationException.class,
                e -> assertThat(e.kind()).isEqualTo(RuleViolationException.Kind.UNPROCESSABLE));
    }

    @Test
    void a_window_ended_early_covers_nothing_from_then_on() {
        var window = weekends(FreezeScope.EVERYTHING);
        window.pullEvents();
        var endedAt = Instant.parse("2026-03-28T12:00:00Z");

        window.end("bob", endedAt);

        assertThat(window.pullEvents()).containsExactly(new FreezeWindowEnded(window.id(), "Weekends", List.of(),
                List.of(), "bob", endedAt));
        assertThat(window.occurrences(Instant.parse("2026-03-20T00:00:00Z"), Instant.parse("2026-05-01T00:00:00Z")))
                .containsExactly(occurrence("2026-03-20T15:00:00Z", "2026-03-23T07:00:00Z"),
                        occurrence("2026-03-27T15:00:00Z", "2026-03-28T12:00:00Z"));
        assertThat(window.isActiveAt(endedAt)).isFalse();
        assertThat(window.endedBy()).isEqualTo("bob");
    }

    @Test
    void a_window_is_ended_once_and_never_once_it_is_over() {
        var window = weekends(FreezeScope.EVERYTHING);
        window.end("bob", Instant.parse("2026-03-28T12:00:00Z"));

        assertConflict(() -> window.end("carol", Instant.parse("2026-03-28T13:00:00Z")));
        assertThat(window.endedBy()).isEqualTo("bob");

        var once = FreezeWindow.declare(UUID.randomUUID(), "Migration", "Database migration",
                FreezeSchedule.of(LocalDateTime.parse("2026-03-20T16:00"), LocalDateTime.parse("2026-03-21T16:00"),
                        "UTC", null), FreezeScope.EVERYTHING, "alice", DECLARED);
        assertConflict(() -> once.end("bob", Instant.parse("2026-03-21T16:00:00Z")));
        assertThat(once.endedAt()).isNull();
    }

    @Test
    void windows_overlap_where_their_scopes_intersect_and_an_occurrence_of_each_covers_the_same_instant() {
        var weekends = weekends(PAYMENTS_IN_PRODUCTION);
        var saturday = single(FreezeScope.of(List.of(), List.of("production")), "2026-04-04T09:00", "2026-04-04T11:00");
        var elsewhere = single(FreezeScope.of(List.of("billing"), List.of()), "2026-04-04T09:00", "2026-04-04T11:00");
        var monday = single(PAYMENTS_IN_PRODUCTION, "2026-03-23T08:00", "2026-03-23T12:00");

        assertThat(weekends.firstOverlap(saturday, DECLARED, Instant.parse("2027-01-01T00:00:00Z")))
                .contains(Instant.parse("2026-04-04T07:00:00Z"));
        assertThat(saturday.firstOverlap(weekends, DECLARED, Instant.parse("2027-01-01T00:00:00Z")))
                .contains(Instant.parse("2026-04-04T07:00:00Z"));
        assertThat(weekends.firstOverlap(elsewhere, DECLARED, Instant.parse("2027-01-01T00:00:00Z"))).isEmpty();
        // Monday 08:00 is when the weekend ends: they touch, they do not overlap
        assertThat(weekends.firstOverlap(monday, DECLARED, Instant.parse("2027-01-01T00:00:00Z"))).isEmpty();
    }

    static FreezeWindow weekends(FreezeScope scope) {
        return FreezeWindow.declare(UUID.randomUUID(), "Weekends", "No changes while nobody watches", WEEKENDS, scope,
                "alice", DECLARED);
    }

    static FreezeWindow single(FreezeScope scope, String start, String end) {
        return FreezeWindow.declare(UUID.randomUUID(), "Maintenance " + start, "Planned maintenance",
                FreezeSchedule.of(LocalDateTime.parse(start), LocalDateTime.parse(end), "Europe/Paris", null), scope,
                "alice", DECLARED);
    }

    private static void assertConflict(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RuleViolationException.class,
                e -> assertThat(e.kind()).isEqualTo(RuleViolationException.Kind.STATE_CONFLICT));
    }
}
