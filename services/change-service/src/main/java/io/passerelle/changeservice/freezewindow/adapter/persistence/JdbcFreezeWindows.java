package io.passerelle.changeservice.freezewindow.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.passerelle.changeservice.freezewindow.FreezeSchedule;
import io.passerelle.changeservice.freezewindow.FreezeScope;
import io.passerelle.changeservice.freezewindow.FreezeWindow;
import io.passerelle.changeservice.freezewindow.Recurrence;
import io.passerelle.changeservice.freezewindow.port.FreezeWindows;
import io.passerelle.platform.domain.RuleViolationException;
import io.passerelle.platform.event.EventPublisher;
import io.passerelle.platform.persistence.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Freeze windows in one table; local start and end as {@code timestamp} (wall-clock times in the window's zone),
 * instants through {@link SqlTime}. Saving a window publishes the events it registered, in the same transaction.
 */
@Repository
class JdbcFreezeWindows implements FreezeWindows {

    private static final String SELECT = """
            select id, name, reason, start_local, end_local, time_zone, recurrence, services, environments,
                   declared_by, declared_at, ended_by, ended_at, version
            from freeze_window""";
    /** Serializes declarations (transaction-scoped advisory lock), so that two overlapping ones cannot both pass. */
    private static final long DECLARATIONS = 0x66726565_7a65L;

    private final JdbcClient jdbc;
    private final EventPublisher events;

    JdbcFreezeWindows(JdbcClient jdbc, EventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Override
    public Optional<FreezeWindow> find(UUID id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(JdbcFreezeWindows::window).optional();
    }

    @Override
    public List<FreezeWindow> all() {
        return jdbc.sql(SELECT + " order by declared_at desc, seq desc").query(JdbcFreezeWindows::window).list();
    }

    @Override
    public List<FreezeWindow> inScope(String service, String environment, Instant notEndedBy) {
        return jdbc.sql(SELECT + "\n" + """
                where (cardinality(services) = 0 or :service = any(services))
                  and (cardinality(environments) = 0 or :environment = any(environments))
                  and (ended_at is null or ended_at > :at)
                order by declared_at, seq""")
                .param("service", service).param("environment", environment).param("at", SqlTime.of(notEndedBy))
                .query(JdbcFreezeWindows::window).list();
    }

    @Override
    public List<FreezeWindow> lockForDeclaration(Instant notEndedBy) {
        jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", DECLARATIONS).query((rs, n) -> 1).list();
        return jdbc.sql(SELECT + " where ended_at is null or ended_at > :at order by declared_at, seq")
                .param("at", SqlTime.of(notEndedBy)).query(JdbcFreezeWindows::window).list();
    }

    @Override
    public void save(FreezeWindow window) {
        if (window.version() == 0) {
            insert(window);
        } else {
            end(window);
        }
        events.publish(window.pullEvents());
    }

    private void insert(FreezeWindow window) {
        var schedule = window.schedule();
        jdbc.sql("""
                insert into freeze_window (id, name, reason, start_local, end_local, time_zone, recurrence, services,
                    environments, declared_by, declared_at, ended_by, ended_at, version)
                values (:id, :name, :reason, :start, :end, :zone, :recurrence, cast(:services as text[]),
                    cast(:environments as text[]), :declaredBy, :declaredAt, :endedBy, :endedAt, 1)""")
                .param("id", window.id()).param("name", window.name()).param("reason", window.reason())
                .param("start", schedule.start()).param("end", schedule.end()).param("zone", schedule.zone().getId())
                .param("recurrence", schedule.recurrence().map(Recurrence::toString).orElse(null))
                .param("services", array(window.scope().services()))
                .param("environments", array(window.scope().environments()))
                .param("declaredBy", window.declaredBy()).param("declaredAt", SqlTime.of(window.declaredAt()))
                .param("endedBy", window.endedBy()).param("endedAt", SqlTime.ofNullable(window.endedAt()))
                .update();
    }

    /** The one change a stored window admits: being ended (the database refuses any other). */
    private void end(FreezeWindow window) {
        int updated = jdbc.sql("""
                update freeze_window set ended_by = :endedBy, ended_at = :endedAt, version = version + 1
                where id = :id and version = :version and ended_at is null""")
                .param("endedBy", window.endedBy()).param("endedAt", SqlTime.ofNullable(window.endedAt()))
                .param("id", window.id()).param("version", window.version())
                .update();
        if (updated != 1) {
            throw RuleViolationException.conflict("Freeze window " + window.id()
                    + " was changed by someone else meanwhile; read it again and retry");
        }
    }

    /** Catalog names need no quoting in an array literal (lower case letters, digits, dashes). */
    private static String array(Set<String> names) {
        return "{" + String.join(",", names) + "}";
    }

    private static FreezeWindow window(ResultSet rs, int n) throws SQLException {
        var schedule = FreezeSchedule.restore(rs.getObject("start_local", LocalDateTime.class),
                rs.getObject("end_local", LocalDateTime.class), rs.getString("time_zone"), rs.getString("recurrence"));
        var scope = new FreezeScope(Set.of((String[]) rs.getArray("services").getArray()),
                Set.of((String[]) rs.getArray("environments").getArray()));
        return FreezeWindow.restore(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("reason"),
                schedule, scope, rs.getString("declared_by"), SqlTime.instant(rs, "declared_at"),
                rs.getString("ended_by"), SqlTime.nullableInstant(rs, "ended_at"), rs.getInt("version"));
    }
}
