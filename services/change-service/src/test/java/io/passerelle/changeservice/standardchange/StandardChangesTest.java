package io.passerelle.changeservice.standardchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import io.passerelle.changeservice.risk.RiskAssessment;
import io.passerelle.changeservice.risk.WeeklyHours;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Matching a change against the templates: the one that pre-approves it, or each reason none does, for people. */
class StandardChangesTest {

    /** A Wednesday, 11:00 in Paris. */
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final WeeklyHours OFFICE = WeeklyHours.of(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            "09:00", "17:00", "Europe/Paris");

    private final StandardChangeTemplate webDeploys = template("Low-risk web deploys", 2, Set.of("checkout", "storefront"),
            Set.of("staging", "production"), 40, OFFICE);

    @Test
    void a_change_a_green_pipeline_raised_within_a_templates_conditions_matches_it() {
        var match = StandardChanges.match(candidate("checkout", "production", 35), List.of(webDeploys));

        assertThat(match).isEqualTo(new Match.Matched(new TemplateRef(webDeploys.id(), 2, "Low-risk web deploys")));
        assertThat(match.template()).contains(webDeploys.ref());
        assertThat(match.reasons()).isEmpty();
    }

    @Test
    void a_risk_equal_to_the_maximum_matches() {
        assertThat(StandardChanges.match(candidate("checkout", "production", 40), List.of(webDeploys)).template())
                .isPresent();
    }

    @Test
    void a_change_raised_by_hand_never_matches() {
        var match = StandardChanges.match(new Candidate("checkout", "production", false, risk(0), NOW),
                List.of(webDeploys));

        assertThat(match.reasons()).containsExactly(
                "raised by hand: standard-change templates apply only to changes a green pipeline raised");
    }

    @Test
    void without_a_template_for_the_environment_the_reason_names_it() {
        assertThat(StandardChanges.match(candidate("checkout", "qa", 0), List.of(webDeploys)).reasons())
                .containsExactly("no template for qa");
        assertThat(StandardChanges.match(candidate("checkout", "production", 0), List.of()).reasons())
                .containsExactly("no template for production");
    }

    @Test
    void without_a_template_for_the_service_in_the_environment_the_reason_names_both() {
        assertThat(StandardChanges.match(candidate("orders", "production", 0), List.of(webDeploys)).reasons())
                .containsExactly("no template for orders in production");
    }

    @Test
    void a_risk_above_the_templates_maximum_is_refused_naming_the_template_and_its_version() {
        assertThat(StandardChanges.match(candidate("checkout", "production", 72), List.of(webDeploys)).reasons())
                .containsExactly("risk 72 > 40 (template 'Low-risk web deploys' v2)");
    }

    @Test
    void a_change_outside_the_templates_allowed_hours_is_refused_saying_which_hours() {
        var saturdayNight = Instant.parse("2026-11-28T22:00:00Z");

        assertThat(StandardChanges.match(new Candidate("checkout", "production", true, risk(0), saturdayNight),
                List.of(webDeploys)).reasons()).containsExactly(
                "outside allowed hours Mon–Fri 09:00–17:00 Europe/Paris (template 'Low-risk web deploys' v2)");
    }

    @Test
    void a_retired_template_never_matches() {
        var retired = StandardChangeTemplate.restore(webDeploys.id(), 2, webDeploys.definition(), "alice", NOW,
                "bob", NOW);

        assertThat(StandardChanges.match(candidate("checkout", "production", 0), List.of(retired)).reasons())
                .containsExactly("no template for production");
    }

    @Test
    void every_reason_is_given_at_once() {
        var match = StandardChanges.match(new Candidate("checkout", "production", false, risk(72),
                Instant.parse("2026-11-28T22:00:00Z")), List.of(webDeploys));

        assertThat(match.reasons()).containsExactly(
                "raised by hand: standard-change templates apply only to changes a green pipeline raised",
                "risk 72 > 40 (template 'Low-risk web deploys' v2)",
                "outside allowed hours Mon–Fri 09:00–17:00 Europe/Paris (template 'Low-risk web deploys' v2)");
    }

    @Test
    void a_template_that_refuses_does_not_keep_another_from_matching() {
        var strict = template("Checkout only", 1, Set.of("checkout"), Set.of("production"), 20, null);
        var broad = template("Anything small", 3, null, null, 50, null);

        assertThat(StandardChanges.match(candidate("checkout", "production", 30), List.of(strict, broad)).template())
                .contains(broad.ref());
        assertThat(StandardChanges.match(candidate("checkout", "production", 60), List.of(strict, broad)).reasons())
                .containsExactly("risk 60 > 20 (template 'Checkout only' v1)", "risk 60 > 50 (template 'Anything small' v3)");
    }

    @Test
    void of_several_matching_templates_the_most_specific_then_the_strictest_then_by_name_wins_whatever_their_order() {
        var everything = template("A everything", 1, null, null, 10, null);
        var allServicesInProduction = template("B all services", 1, null, Set.of("production"), 90, null);
        var checkoutEverywhere = template("C checkout", 1, Set.of("checkout"), null, 90, null);
        var checkoutInProduction = template("D checkout in production", 1, Set.of("checkout"), Set.of("production"), 90,
                null);
        var stricter = template("E checkout in production, stricter", 1, Set.of("checkout"), Set.of("production"), 80,
                null);
        var sameButNamedEarlier = template("D2 checkout in production, stricter", 1, Set.of("checkout"),
                Set.of("production"), 80, null);
        var all = new ArrayList<>(List.of(everything, allServicesInProduction, checkoutEverywhere, checkoutInProduction,
                stricter, sameButNamedEarlier));

        for (int seed = 0; seed < 5; seed++) {
            Collections.shuffle(all, new Random(seed));
            assertThat(StandardChanges.match(candidate("checkout", "production", 5), all).template())
                    .contains(sameButNamedEarlier.ref());
        }
        assertThat(StandardChanges.match(candidate("checkout", "production", 5), List.of(everything,
                allServicesInProduction, checkoutEverywhere)).template()).contains(checkoutEverywhere.ref());
        assertThat(StandardChanges.match(candidate("checkout", "production", 5), List.of(everything,
                allServicesInProduction)).template()).contains(allServicesInProduction.ref());
    }

    @Test
    void matching_reads_the_active_templates_of_the_store() {
        var templates = new InMemoryStandardChangeTemplates();
        templates.save(webDeploys);
        var retiredOne = template("Retired", 1, Set.of("orders"), Set.of("production"), 100, null);
        retiredOne.retire("bob", NOW);
        templates.save(retiredOne);
        var standardChanges = new StandardChanges(templates);

        assertThat(standardChanges.match(candidate("checkout", "staging", 10)).template()).contains(webDeploys.ref());
        assertThat(standardChanges.match(candidate("orders", "production", 10)).reasons())
                .containsExactly("no template for orders in production");
    }

    private static StandardChangeTemplate template(String name, int version, @Nullable Set<String> services,
            @Nullable Set<String> environments, int maxRisk, @Nullable WeeklyHours hours) {
        return StandardChangeTemplate.restore(UUID.randomUUID(), version, new Definition(name, "pre-approved",
                new Conditions(services, environments, maxRisk, hours)), "alice", NOW, null, null);
    }

    private static Candidate candidate(String service, String environment, int risk) {
        return new Candidate(service, environment, true, risk(risk), NOW);
    }

    private static RiskAssessment risk(int score) {
        return new RiskAssessment(score, List.of(), NOW);
    }
}
