package io.passerelle.incidentservice.problem.adapter.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.passerelle.incidentservice.incident.LinkedProblem;
import io.passerelle.incidentservice.incident.port.LinkedProblems;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which problems incidents are linked to: a query over the links, for the incident views. */
@Repository
class JdbcLinkedProblems implements LinkedProblems {

    private final JdbcClient jdbc;

    JdbcLinkedProblems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<UUID, List<LinkedProblem>> of(Collection<UUID> incidentIds) {
        Map<UUID, List<LinkedProblem>> linked = new HashMap<>();
        if (incidentIds.isEmpty()) {
            return linked;
        }
        jdbc.sql("""
                select l.incident_id, p.id, p.title, p.state from problem_incident l join problem p on p.id = l.problem_id
                where l.incident_id in (:ids)
                order by l.incident_id, l.linked_at desc, p.id""")
                .param("ids", incidentIds)
                .query((rs, n) -> Map.entry(rs.getObject("incident_id", UUID.class), new LinkedProblem(
                        rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("state"))))
                .list()
                .forEach(e -> linked.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return linked;
    }
}
