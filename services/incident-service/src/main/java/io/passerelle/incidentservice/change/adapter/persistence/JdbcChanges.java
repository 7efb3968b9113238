package io.passerelle.incidentservice.change.adapter.persistence;

import java.sql.Types;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.passerelle.incidentservice.change.ChangeType;
import io.passerelle.incidentservice.change.RaisedChange;
import io.passerelle.incidentservice.change.port.Changes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcChanges implements Changes {

    private final JdbcClient jdbc;

    JdbcChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean record(RaisedChange change) {
        return jdbc.sql("""
                insert into raised_change (change_id, type, risk_score) values (:id, :type, :risk)
                on conflict (change_id) do nothing""")
                .param("id", change.changeId())
                .param("type", change.type().name())
                .param("risk", change.riskScore(), Types.INTEGER)
                .update() == 1;
    }

    @Override
    public Map<UUID, RaisedChange> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select change_id, type, risk_score from raised_change where change_id = any(:ids)")
                .param("ids", ids.toArray(UUID[]::new))
                .query((rs, n) -> new RaisedChange(rs.getObject("change_id", UUID.class),
                        ChangeType.valueOf(rs.getString("type")), rs.getObject("risk_score", Integer.class)))
                .list().stream()
                .collect(Collectors.toMap(RaisedChange::changeId, Function.identity()));
    }
}
