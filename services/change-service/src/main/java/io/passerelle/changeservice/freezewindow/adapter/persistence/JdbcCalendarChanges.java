package io.passerelle.changeservice.freezewindow.adapter.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.passerelle.changeservice.freezewindow.CalendarChange;
import io.passerelle.changeservice.freezewindow.port.CalendarChanges;
import io.passerelle.platform.persistence.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The changes on the calendar, read from the change feature's table {@code change_request}: only the columns the
 * calendar shows, and type and state as stored, whatever their names (the calendar reads no state machine).
 */
@Repository
class JdbcCalendarChanges implements CalendarChanges {

    private final JdbcClient jdbc;

    JdbcCalendarChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<CalendarChange> between(Instant from, Instant to) {
        return jdbc.sql("""
                select id, type, state, service, environment, title, authorized_at, closed_at
                from change_request
                where authorized_at is not null and state <> 'CANCELLED'
                  and authorized_at < :to and (closed_at is null or closed_at >= :from)
                order by authorized_at, seq""")
                .param("from", SqlTime.of(from)).param("to", SqlTime.of(to))
                .query((rs, n) -> new CalendarChange(rs.getObject("id", UUID.class), rs.getString("type"),
                        rs.getString("state"), rs.getString("service"), rs.getString("environment"),
                        rs.getString("title"), SqlTime.instant(rs, "authorized_at"),
                        SqlTime.nullableInstant(rs, "closed_at")))
                .list();
    }
}
