package io.passerelle.changeservice.risk.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.passerelle.changeservice.risk.Criticality;
import io.passerelle.changeservice.risk.EnvironmentProfile;
import io.passerelle.changeservice.risk.WeeklyHours;
import io.passerelle.changeservice.risk.port.EnvironmentProfiles;
import io.passerelle.platform.persistence.SqlTime;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One row per declared environment profile; business hours are four nullable columns, all set or none. */
@Repository
class JdbcEnvironmentProfiles implements EnvironmentProfiles {

    private static final String COLUMNS = """
            environment, criticality, business_days, business_from, business_to, business_zone, defined_by, defined_at""";

    private final JdbcClient jdbc;

    JdbcEnvironmentProfiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<EnvironmentProfile> find(String environment) {
        return jdbc.sql("select " + COLUMNS + " from environment_profile where environment = :environment")
                .param("environment", environment).query(JdbcEnvironmentProfiles::profile).optional();
    }

    @Override
    public List<EnvironmentProfile> all() {
        return jdbc.sql("select " + COLUMNS + " from environment_profile order by environment")
                .query(JdbcEnvironmentProfiles::profile).list();
    }

    @Override
    public void save(EnvironmentProfile profile) {
        var hours = profile.businessHours();
        jdbc.sql("insert into environment_profile (" + COLUMNS + ") values (:environment, :criticality,"
                        + " cast(:days as text[]), :from, :to, :zone, :by, :at) on conflict (environment) do update set"
                        + " criticality = excluded.criticality, business_days = excluded.business_days,"
                        + " business_from = excluded.business_from, business_to = excluded.business_to,"
                        + " business_zone = excluded.business_zone, defined_by = excluded.defined_by,"
                        + " defined_at = excluded.defined_at")
                .param("environment", profile.environment())
                .param("criticality", profile.criticality().name())
                .param("days", hours == null ? null
                        : "{" + hours.orderedDays().stream().map(DayOfWeek::name).collect(Collectors.joining(",")) + "}")
                .param("from", hours == null ? null : hours.from())
                .param("to", hours == null ? null : hours.to())
                .param("zone", hours == null ? null : hours.zone().getId())
                .param("by", profile.definedBy())
                .param("at", SqlTime.ofNullable(profile.definedAt()))
                .update();
    }

    private static EnvironmentProfile profile(ResultSet rs, int n) throws SQLException {
        return new EnvironmentProfile(rs.getString("environment"), Criticality.valueOf(rs.getString("criticality")),
                hours(rs), rs.getString("defined_by"), SqlTime.instant(rs, "defined_at"));
    }

    private static @Nullable WeeklyHours hours(ResultSet rs) throws SQLException {
        var days = rs.getArray("business_days");
        if (days == null) {
            return null;
        }
        Set<DayOfWeek> parsed = Arrays.stream((String[]) days.getArray()).map(DayOfWeek::valueOf)
                .collect(Collectors.toSet());
        return new WeeklyHours(parsed, rs.getObject("business_from", LocalTime.class),
                rs.getObject("business_to", LocalTime.class), ZoneId.of(rs.getString("business_zone")));
    }
}
