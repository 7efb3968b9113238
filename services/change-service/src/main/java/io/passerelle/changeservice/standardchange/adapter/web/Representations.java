package io.passerelle.changeservice.standardchange.adapter.web;

import static io.passerelle.platform.web.ApiTime.utc;
import static io.passerelle.platform.web.ApiTime.utcOrNull;

import java.time.DayOfWeek;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.passerelle.changeservice.api.model.StandardChange;
import io.passerelle.changeservice.api.model.StandardChangeDefinition;
import io.passerelle.changeservice.api.model.StandardChangeStatus;
import io.passerelle.changeservice.api.model.WeeklyHours;
import io.passerelle.changeservice.standardchange.Conditions;
import io.passerelle.changeservice.standardchange.Definition;
import io.passerelle.changeservice.standardchange.StandardChangeTemplate;
import org.jspecify.annotations.Nullable;

/** Maps standard-change templates to and from the generated models of the HTTP contract, at the edge. */
final class Representations {

    private Representations() {
    }

    static StandardChange template(StandardChangeTemplate t) {
        var c = t.conditions();
        var d = t.definition();
        return new StandardChange(t.id(), t.version(), d.name(), d.description(), c.maxRiskScore(),
                t.retired() ? StandardChangeStatus.RETIRED : StandardChangeStatus.ACTIVE, t.definedBy(),
                utc(t.definedAt()))
                .services(sorted(c.services()))
                .environments(sorted(c.environments()))
                .allowedHours(hours(c.allowedHours()))
                .retiredBy(t.retiredBy())
                .retiredAt(utcOrNull(t.retiredAt()));
    }

    /** The definition a request states; refused (400) when a rule of the domain refuses it. */
    static Definition toDomain(StandardChangeDefinition body) {
        return new Definition(body.getName(), body.getDescription(), new Conditions(distinct("services",
                body.getServices()), distinct("environments", body.getEnvironments()), body.getMaxRiskScore(),
                hours(body.getAllowedHours())));
    }

    private static @Nullable Set<String> distinct(String field, @Nullable List<String> names) {
        if (names == null) {
            return null;
        }
        var set = new HashSet<>(names);
        if (set.size() != names.size()) {
            throw new IllegalArgumentException(field + " names the same one twice");
        }
        return set;
    }

    private static @Nullable List<String> sorted(@Nullable Set<String> names) {
        return names == null ? null : names.stream().sorted().toList();
    }

    private static @Nullable WeeklyHours hours(io.passerelle.changeservice.risk.@Nullable WeeklyHours h) {
        return h == null ? null : new WeeklyHours(
                h.orderedDays().stream().map(d -> io.passerelle.changeservice.api.model.DayOfWeek.fromValue(d.name()))
                        .toList(),
                h.from().toString(), h.to().toString(), h.zone().getId());
    }

    private static io.passerelle.changeservice.risk.@Nullable WeeklyHours hours(@Nullable WeeklyHours h) {
        return h == null ? null : io.passerelle.changeservice.risk.WeeklyHours.of(
                h.getDays().stream().map(d -> DayOfWeek.valueOf(d.getValue())).toList(), h.getFrom(), h.getTo(),
                h.getZone());
    }
}
