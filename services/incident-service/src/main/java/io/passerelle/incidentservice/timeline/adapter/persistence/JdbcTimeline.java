package io.passerelle.incidentservice.timeline.adapter.persistence;

import java.sql.Types;
import java.util.List;
import java.util.UUID;

import io.passerelle.incidentservice.timeline.TimelineEntry;
import io.passerelle.incidentservice.timeline.port.Timeline;
import io.passerelle.platform.persistence.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcTimeline implements Timeline {

    private final JdbcClient jdbc;

    JdbcTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void append(TimelineEntry e) {
        jdbc.sql("""
                insert into timeline_entry (incident_id, at, kind, actor, text, ref)
                values (:incidentId, :at, :kind, :actor, :text, :ref)""")
                .param("incidentId", e.incidentId())
                .param("at", SqlTime.of(e.at()))
                .param("kind", e.kind().name())
                .param("actor", e.actor())
                .param("text", e.text())
                .param("ref", e.ref(), Types.OTHER)
                .update();
    }

    @Override
    public List<TimelineEntry> of(UUID incidentId) {
        return jdbc.sql("select * from timeline_entry where incident_id = :id order by at, seq")
                .param("id", incidentId)
                .query((rs, n) -> new TimelineEntry(incidentId, SqlTime.instant(rs, "at"),
                        TimelineEntry.Kind.valueOf(rs.getString("kind")), rs.getString("actor"), rs.getString("text"),
                        rs.getObject("ref", UUID.class)))
                .list();
    }
}
