package io.passerelle.changeservice.risk.adapter.web;

import static io.passerelle.platform.web.ApiTime.utc;

import java.time.DayOfWeek;
import java.util.Objects;

import io.passerelle.changeservice.api.model.Criticality;
import io.passerelle.changeservice.api.model.EnvironmentProfile;
import io.passerelle.changeservice.api.model.WeeklyHours;
import org.jspecify.annotations.Nullable;

/** Maps environment profiles to and from the generated models of the HTTP contract. */
final class Representations {

    private Representations() {
    }

    static EnvironmentProfile profile(io.passerelle.changeservice.risk.EnvironmentProfile p) {
        return new EnvironmentProfile(p.environment(), Criticality.fromValue(p.criticality().name()),
                Objects.requireNonNull(p.definedBy()), utc(Objects.requireNonNull(p.definedAt())))
                .businessHours(hours(p.businessHours()));
    }

    static @Nullable WeeklyHours hours(io.passerelle.changeservice.risk.@Nullable WeeklyHours h) {
        return h == null ? null : new WeeklyHours(
                h.orderedDays().stream().map(d -> io.passerelle.changeservice.api.model.DayOfWeek.fromValue(d.name()))
                        .toList(),
                h.from().toString(), h.to().toString(), h.zone().getId());
    }

    /** Hours as the request states them; refused (400) when invalid: a day twice, inverted times, no IANA zone. */
    static io.passerelle.changeservice.risk.@Nullable WeeklyHours toDomain(@Nullable WeeklyHours h) {
        return h == null ? null : io.passerelle.changeservice.risk.WeeklyHours.of(
                h.getDays().stream().map(d -> DayOfWeek.valueOf(d.getValue())).toList(), h.getFrom(), h.getTo(),
                h.getZone());
    }

    static io.passerelle.changeservice.risk.Criticality toDomain(Criticality c) {
        return io.passerelle.changeservice.risk.Criticality.valueOf(c.getValue());
    }
}
