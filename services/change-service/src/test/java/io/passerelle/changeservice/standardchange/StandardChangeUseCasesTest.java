package io.passerelle.changeservice.standardchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.passerelle.changeservice.catalog.Environment;
import io.passerelle.changeservice.catalog.port.Environments;
import io.passerelle.changeservice.catalog.port.Services;
import io.passerelle.changeservice.catalog.CatalogNames;
import io.passerelle.changeservice.risk.WeeklyHours;
import io.passerelle.platform.domain.NotFoundException;
import io.passerelle.platform.domain.RuleViolationException;
import org.junit.jupiter.api.Test;

/** Defining, redefining and retiring templates: versions, events, and what is refused with nothing written. */
class StandardChangeUseCasesTest {

    private static final Instant NOW = Instant.parse("2026-11-27T09:30:00Z");

    private final InMemoryStandardChangeTemplates templates = new InMemoryStandardChangeTemplates();
    private final Catalog catalog = new Catalog();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final DefineStandardChange define = new DefineStandardChange(templates, new CatalogNames(catalog, catalog), clock);
    private final RetireStandardChange retire = new RetireStandardChange(templates, clock);

    StandardChangeUseCasesTest() {
        catalog.environments.add(new Environment("checkout", "staging", false));
        catalog.environments.add(new Environment("checkout", "production", true));
    }

    @Test
    void a_new_template_is_version_1_and_each_definition_a_new_version_each_published() {
        var template = define.define(definition("Low-risk web deploys", 40), "alice");
        var again = define.redefine(template.id(), definition("Low-risk web deploys", 30), "bob");

        assertThat(again.version()).isEqualTo(2);
        assertThat(again.definedBy()).isEqualTo("bob");
        assertThat(templates.find(template.id())).hasValueSatisfying(t -> {
            assertThat(t.version()).isEqualTo(2);
            assertThat(t.conditions().maxRiskScore()).isEqualTo(30);
        });
        assertThat(templates.published()).extracting(e -> ((StandardChangeDefined) e).version()).containsExactly(1, 2);
        assertThat(templates.published().get(0)).isEqualTo(new StandardChangeDefined(template.id(), 1,
                "Low-risk web deploys", "web front ends, green main", List.of("checkout"), List.of("production", "staging"),
                40, new StandardChangeDefined.AllowedHours(List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"),
                        "09:00", "17:00", "Europe/Paris"), "alice", NOW));
    }

    @Test
    void a_retired_template_is_published_once_and_neither_retired_again_nor_redefined() {
        var template = define.define(definition("Low-risk web deploys", 40), "alice");

        var retired = retire.retire(template.id(), "bob");

        assertThat(retired.retired()).isTrue();
        assertThat(templates.published()).last().isEqualTo(new StandardChangeRetired(template.id(), 1,
                "Low-risk web deploys", "bob", NOW));
        assertConflict(() -> retire.retire(template.id(), "carol"));
        assertConflict(() -> define.redefine(template.id(), definition("Back again", 40), "carol"));
        assertThat(templates.published()).hasSize(2);
        assertThat(templates.find(template.id()).orElseThrow().retiredBy()).isEqualTo("bob");
    }

    @Test
    void services_or_environments_the_catalog_does_not_know_are_refused_and_nothing_is_written() {
        for (var conditions : List.of(new Conditions(Set.of("checkout", "orders"), null, 40, null),
                new Conditions(null, Set.of("moon"), 40, null))) {
            assertThatThrownBy(() -> define.define(new Definition("t", "d", conditions), "alice"))
                    .isInstanceOfSatisfying(RuleViolationException.class,
                            e -> assertThat(e.kind()).isEqualTo(RuleViolationException.Kind.UNPROCESSABLE));
        }
        assertThatThrownBy(() -> define.define(new Definition("t", "d", new Conditions(Set.of("orders"),
                Set.of("moon", "mars"), 40, null)), "alice"))
                .hasMessage("The catalog knows no service orders, no environment mars, no environment moon");
        var template = define.define(definition("Low-risk web deploys", 40), "alice");
        assertThatThrownBy(() -> define.redefine(template.id(), new Definition("t", "d", new Conditions(null,
                Set.of("moon"), 40, null)), "alice")).isInstanceOf(RuleViolationException.class);

        assertThat(templates.all()).hasSize(1);
        assertThat(templates.find(template.id()).orElseThrow().version()).isEqualTo(1);
        assertThat(templates.published()).hasSize(1);
    }

    @Test
    void an_unknown_template_is_not_found() {
        assertThatThrownBy(() -> define.redefine(UUID.randomUUID(), definition("x", 1), "alice"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> retire.retire(UUID.randomUUID(), "alice")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_definition_needs_a_name_a_description_a_risk_of_0_to_100_and_at_least_one_service_or_environment_or_all() {
        for (var refused : List.<Runnable>of(
                () -> new Definition("", "d", new Conditions(null, null, 40, null)),
                () -> new Definition("   ", "d", new Conditions(null, null, 40, null)),
                () -> new Definition("x".repeat(201), "d", new Conditions(null, null, 40, null)),
                () -> new Definition("n", " ", new Conditions(null, null, 40, null)),
                () -> new Conditions(null, null, -1, null),
                () -> new Conditions(null, null, 101, null),
                () -> new Conditions(Set.of(), null, 40, null),
                () -> new Conditions(null, Set.of(), 40, null))) {
            assertThatThrownBy(refused::run).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(new Conditions(null, null, 0, null).maxRiskScore()).isZero();
        assertThat(new Conditions(null, null, 100, null).maxRiskScore()).isEqualTo(100);
    }

    private static void assertConflict(Runnable command) {
        assertThatThrownBy(command::run).isInstanceOfSatisfying(RuleViolationException.class,
                e -> assertThat(e.kind()).isEqualTo(RuleViolationException.Kind.STATE_CONFLICT));
    }

    private static Definition definition(String name, int maxRisk) {
        return new Definition(name, "web front ends, green main", new Conditions(Set.of("checkout"),
                Set.of("staging", "production"), maxRisk, WeeklyHours.of(EnumSet.range(DayOfWeek.MONDAY,
                        DayOfWeek.FRIDAY), "09:00", "17:00", "Europe/Paris")));
    }

    /** The catalog projection: environments by service. */
    private static final class Catalog implements Environments, Services {

        private final List<Environment> environments = new ArrayList<>();

        @Override
        public Optional<Environment> find(String service, String name) {
            return environments.stream().filter(e -> e.service().equals(service) && e.name().equals(name)).findFirst();
        }

        @Override
        public boolean known(String name) {
            return environments.stream().anyMatch(e -> e.name().equals(name));
        }

        @Override
        public void replace(String service, List<Environment> replacement) {
            environments.removeIf(e -> e.service().equals(service));
            environments.addAll(replacement);
        }

        @Override
        public boolean registered(String service) {
            return environments.stream().anyMatch(e -> e.service().equals(service));
        }
    }
}
