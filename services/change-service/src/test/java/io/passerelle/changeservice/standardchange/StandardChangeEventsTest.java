package io.passerelle.changeservice.standardchange;

import static io.passerelle.platform.test.EventContracts.assertMatchesRecorded;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import io.passerelle.changeservice.risk.WeeklyHours;
import org.junit.jupiter.api.Test;

/**
 * The events of a template, as the template registers them, are exactly the recorded examples of
 * api-specs/events/examples and conform to their schemas.
 */
class StandardChangeEventsTest {

    private static final UUID TEMPLATE = UUID.fromString("3c9e5a71-8d2f-4b6e-a1c4-7f0e2d9b5a38");

    @Test
    void a_new_version_of_a_template_is_published_as_recorded() {
        var template = version1();

        template.redefine(new Definition("Low-risk web deploys",
                "Deployments of the web front ends by their green main-branch pipeline, on working days.",
                new Conditions(Set.of("storefront", "checkout"), Set.of("staging", "production"), 40,
                        WeeklyHours.of(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), "09:00", "17:00",
                                "Europe/Paris"))), "alice", Instant.parse("2026-11-27T09:30:00Z"));

        var events = template.pullEvents();
        assertThat(events).hasSize(1);
        assertMatchesRecorded(events.get(0));
    }

    @Test
    void a_retired_template_is_published_as_recorded() {
        var template = StandardChangeTemplate.restore(TEMPLATE, 2, new Definition("Low-risk web deploys", "d",
                new Conditions(null, null, 40, null)), "alice", Instant.parse("2026-11-27T09:30:00Z"), null, null);

        template.retire("alice", Instant.parse("2026-12-01T08:00:00Z"));

        var events = template.pullEvents();
        assertThat(events).hasSize(1);
        assertMatchesRecorded(events.get(0));
    }

    private static StandardChangeTemplate version1() {
        return StandardChangeTemplate.restore(TEMPLATE, 1, new Definition("Web deploys", "first try",
                new Conditions(null, null, 20, null)), "bob", Instant.parse("2026-11-20T09:00:00Z"), null, null);
    }
}
