package io.passerelle.changeservice.freezewindow;

import static io.passerelle.changeservice.freezewindow.FreezeScheduleTest.WEEKENDS;
import static io.passerelle.changeservice.freezewindow.FreezeWindowTest.PAYMENTS_IN_PRODUCTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.passerelle.changeservice.catalog.CatalogNames;
import io.passerelle.changeservice.catalog.Environment;
import io.passerelle.changeservice.catalog.port.Environments;
import io.passerelle.platform.domain.NotFoundException;
import io.passerelle.platform.domain.RuleViolationException;
import org.junit.jupiter.api.Test;

class UseCasesTest {

    private final Clock clock = Clock.fixed(FreezeWindowTest.DECLARED, ZoneOffset.UTC);
    private final InMemoryFreezeWindows windows = new InMemoryFreezeWindows();
    private final CatalogNames catalog = new CatalogNames(service -> Set.of("payments", "billing").contains(service),
            new Environments() {
                @Override
                public Optional<Environment> find(String service, String name) {
                    return Optional.empty();
                }

                @Override
                public boolean known(String name) {
                    return Set.of("staging", "production").contains(name);
                }

                @Override
                public void replace(String service, List<Environment> environments) {
                    throw new UnsupportedOperationException();
                }
            });
    private final DeclareFreezeWindow declare = new DeclareFreezeWindow(windows, catalog, clock);
    private final EndFreezeWindow end = new EndFreezeWindow(windows, clock);

    @Test
    void a_declared_window_is_saved_and_its_declaration_published() {
        var window = declare.declare("Weekends", "Nobody watches", WEEKENDS, PAYMENTS_IN_PRODUCTION, "alice");

        assertThat(windows.find(window.id())).hasValueSatisfying(w -> {
            assertThat(w.schedule()).isEqualTo(WEEKENDS);
            assertThat(w.scope()).isEqualTo(PAYMENTS_IN_PRODUCTION);
            assertThat(w.declaredBy()).isEqualTo("alice");
            assertThat(w.declaredAt()).isEqualTo(FreezeWindowTest.DECLARED);
        });
        assertThat(windows.published()).singleElement().isInstanceOf(FreezeWindowDeclared.class);
    }

    @Test
    void a_window_that_overlaps_another_in_an_intersecting_scope_is_refused_and_nothing_is_written() {
        declare.declare("Weekends", "Nobody watches", WEEKENDS, PAYMENTS_IN_PRODUCTION, "alice");
        var published = windows.published().size();

        // three weeks later, a Saturday maintenance freeze for everything in production
        assertThatThrownBy(() -> declare.declare("Saturday", "Maintenance", once("2026-04-11T09:00", "2026-04-11T11:00"),
                FreezeScope.of(List.of(), List.of("production")), "alice"))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.kind()).isEqualTo(RuleViolationException.Kind.UNPROCESSABLE))
                .hasMessageContaining("overlaps freeze window 'Weekends'")
                .hasMessageContaining("2026-04-11T07:00:00Z");
        // the same weekends again, recurring
        assertThatThrownBy(() -> declare.declare("Weekends again", "Twice", WEEKENDS, FreezeScope.EVERYTHING, "bob"))
                .isInstanceOf(RuleViolationException.class);

        assertThat(windows.size()).isEqualTo(1);
        assertThat(windows.published()).hasSize(published);
    }

    @Test
    void windows_in_disjoint_scopes_or_that_only_touch_do_not_overlap() {
        declare.declare("Weekends", "Nobody watches", WEEKENDS, PAYMENTS_IN_PRODUCTION, "alice");

        declare.declare("Staging rebuild", "Rebuild", once("2026-04-11T09:00", "2026-04-11T11:00"),
                FreezeScope.of(List.of(), List.of("staging")), "alice");
        declare.declare("Billing", "Audit", once("2026-04-11T09:00", "2026-04-11T11:00"),
                FreezeScope.of(List.of("billing"), List.of("production")), "alice");
        declare.declare("Monday", "Release day", once("2026-04-13T08:00", "2026-04-13T12:00"),
                PAYMENTS_IN_PRODUCTION, "alice");

        assertThat(windows.size()).isEqualTo(4);
    }

    @Test
    void a_window_ended_early_no_longer_blocks_a_new_one() {
        var weekends = declare.declare("Weekends", "Nobody watches", WEEKENDS, PAYMENTS_IN_PRODUCTION, "alice");
        end.end(weekends.id(), "bob");

        declare.declare("Weekends, for everything", "Nobody watches", WEEKENDS, FreezeScope.EVERYTHING, "alice");

        assertThat(windows.size()).isEqualTo(2);
    }

    @Test
    void a_window_naming_what_the_catalog_does_not_know_is_refused() {
        assertThatThrownBy(() -> declare.declare("Typo", "Oops", WEEKENDS, FreezeScope.of(List.of("paymnets"),
                List.of()), "alice")).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("The catalog knows no service paymnets");
        assertThatThrownBy(() -> declare.declare("Typo", "Oops", WEEKENDS, FreezeScope.of(List.of(),
                List.of("prod")), "alice")).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("environment prod");

        assertThat(windows.size()).isZero();
        assertThat(windows.published()).isEmpty();
    }

    @Test
    void ending_a_window_records_who_and_when_and_publishes_it() {
        var weekends = declare.declare("Weekends", "Nobody watches", WEEKENDS, PAYMENTS_IN_PRODUCTION, "alice");

        var ended = end.end(weekends.id(), "bob");

        assertThat(ended.endedBy()).isEqualTo("bob");
        assertThat(ended.endedAt()).isEqualTo(FreezeWindowTest.DECLARED);
        assertThat(windows.find(weekends.id())).hasValueSatisfying(w -> assertThat(w.endedBy()).isEqualTo("bob"));
        assertThat(windows.published()).last().isEqualTo(new FreezeWindowEnded(weekends.id(), "Weekends",
                List.of("payments"), List.of("production"), "bob", FreezeWindowTest.DECLARED));
        assertThatThrownBy(() -> end.end(weekends.id(), "carol")).isInstanceOfSatisfying(RuleViolationException.class,
                e -> assertThat(e.kind()).isEqualTo(RuleViolationException.Kind.STATE_CONFLICT));
        assertThatThrownBy(() -> end.end(UUID.randomUUID(), "bob")).isInstanceOf(NotFoundException.class);
    }

    private static FreezeSchedule once(String start, String end) {
        return FreezeSchedule.of(LocalDateTime.parse(start), LocalDateTime.parse(end), "Europe/Paris", null);
    }
}
