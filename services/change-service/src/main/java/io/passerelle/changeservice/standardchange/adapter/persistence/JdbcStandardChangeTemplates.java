package io.passerelle.changeservice.standardchange.adapter.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.passerelle.changeservice.risk.WeeklyHours;
import io.passerelle.changeservice.standardchange.Conditions;
import io.passerelle.changeservice.standardchange.Definition;
import io.passerelle.changeservice.standardchange.StandardChangeDefined;
import io.passerelle.changeservice.standardchange.StandardChangeRetired;
import io.passerelle.changeservice.standardchange.StandardChangeTemplate;
import io.passerelle.changeservice.standardchange.port.StandardChangeTemplates;
import io.passerelle.platform.domain.RuleViolationException;
import io.passerelle.platform.event.EventPublisher;
import io.passerelle.platform.persistence.SqlTime;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every version of every template ({@code standard_change_template}, one row per version, never updated) and their
 * retirements ({@code standard_change_retirement}, one row per retired template). Saving writes what the template
 * registered and publishes it through the outbox, in the caller's transaction.
 */
@Repository
class JdbcStandardChangeTemplates implements StandardChangeTemplates {

    private static final String COLUMNS = """
            id, version, name, description, services, environments, max_risk_score, allowed_days, allowed_from,
            allowed_to, allowed_zone, defined_by, defined_at""";
    private static final String CURRENT = "select distinct on (t.id) t.*, r.retired_by, r.retired_at"
            + " from standard_change_template t left join standard_change_retirement r on r.template_id = t.id"
            + " order by t.id, t.version desc";

    private final JdbcClient jdbc;
    private final EventPublisher events;

    JdbcStandardChangeTemplates(JdbcClient jdbc, EventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Override
    public Optional<StandardChangeTemplate> find(UUID id) {
        return jdbc.sql("select * from (" + CURRENT + ") current where id = :id").param("id", id)
                .query(JdbcStandardChangeTemplates::template).optional();
    }

    @Override
    public List<StandardChangeTemplate> all() {
        return jdbc.sql("select * from (" + CURRENT + ") current order by name, id")
                .query(JdbcStandardChangeTemplates::template).list();
    }

    @Override
    public List<StandardChangeTemplate> active() {
        return jdbc.sql("select * from (" + CURRENT + ") current where retired_at is null order by name, id")
                .query(JdbcStandardChangeTemplates::template).list();
    }

    @Override
    public void save(StandardChangeTemplate template) {
        var registered = template.pullEvents();
        for (var event : registered) {
            switch (event) {
                case StandardChangeDefined defined -> insertVersion(template, defined);
                case StandardChangeRetired retired -> insertRetirement(retired);
            }
        }
        events.publish(registered);
    }

    private void insertVersion(StandardChangeTemplate template, StandardChangeDefined defined) {
        var conditions = template.conditions();
        var hours = conditions.allowedHours();
        try {
            jdbc.sql("insert into standard_change_template (" + COLUMNS + ") values (:id, :version, :name,"
                            + " :description, cast(:services as text[]), cast(:environments as text[]), :maxRisk,"
                            + " cast(:days as text[]), :from, :to, :zone, :by, :at)")
                    .param("id", defined.templateId())
                    .param("version", defined.version())
                    .param("name", defined.name())
                    .param("description", defined.description())
                    .param("services", array(defined.services()))
                    .param("environments", array(defined.environments()))
                    .param("maxRisk", defined.maxRiskScore())
                    .param("days", hours == null ? null
                            : array(hours.orderedDays().stream().map(DayOfWeek::name).toList()))
                    .param("from", hours == null ? null : hours.from())
                    .param("to", hours == null ? null : hours.to())
                    .param("zone", hours == null ? null : hours.zone().getId())
                    .param("by", defined.definedBy())
                    .param("at", SqlTime.of(defined.definedAt()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw RuleViolationException.conflict("Version " + defined.version() + " of standard-change template "
                    + defined.templateId() + " was defined by someone else meanwhile; read it again and retry");
        }
    }

    private void insertRetirement(StandardChangeRetired retired) {
        try {
            jdbc.sql("insert into standard_change_retirement (template_id, retired_version, retired_by, retired_at)"
                            + " values (:id, :version, :by, :at)")
                    .param("id", retired.templateId()).param("version", retired.version())
                    .param("by", retired.retiredBy()).param("at", SqlTime.of(retired.retiredAt()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw RuleViolationException.conflict("Standard-change template " + retired.templateId()
                    + " was retired by someone else meanwhile");
        }
    }

    /** Names as a SQL array parameter (bound as such: no literal to quote), or null. */
    private static String @Nullable [] array(@Nullable List<String> names) {
        return names == null ? null : names.toArray(String[]::new);
    }

    private static StandardChangeTemplate template(ResultSet rs, int n) throws SQLException {
        var conditions = new Conditions(names(rs.getArray("services")), names(rs.getArray("environments")),
                rs.getInt("max_risk_score"), hours(rs));
        return StandardChangeTemplate.restore(rs.getObject("id", UUID.class), rs.getInt("version"),
                new Definition(rs.getString("name"), rs.getString("description"), conditions),
                rs.getString("defined_by"), SqlTime.instant(rs, "defined_at"), rs.getString("retired_by"),
                SqlTime.nullableInstant(rs, "retired_at"));
    }

    private static @Nullable Set<String> names(@Nullable Array array) throws SQLException {
        return array == null ? null : Set.of((String[]) array.getArray());
    }

    private static @Nullable WeeklyHours hours(ResultSet rs) throws SQLException {
        var days = rs.getArray("allowed_days");
        if (days == null) {
            return null;
        }
        return new WeeklyHours(Arrays.stream((String[]) days.getArray()).map(DayOfWeek::valueOf)
                .collect(Collectors.toSet()), rs.getObject("allowed_from", LocalTime.class),
                rs.getObject("allowed_to", LocalTime.class), ZoneId.of(rs.getString("allowed_zone")));
    }
}
