package io.passerelle.releaseservice.deployment.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.passerelle.platform.persistence.SqlTime;
import io.passerelle.releaseservice.deployment.PendingPromotion;
import io.passerelle.releaseservice.deployment.port.Promotions;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcPromotions implements Promotions {

    private static final String WAITING_SOAK = "state = 'WAITING' and mode = 'SOAK'";

    private final JdbcClient jdbc;

    JdbcPromotions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean await(PendingPromotion p) {
        return jdbc.sql("""
                insert into promotion (release_id, environment, service, from_environment, succeeded_at, mode, due_at,
                    state)
                values (:releaseId, :environment, :service, :from, :succeededAt, :mode, :dueAt, 'WAITING')
                on conflict do nothing""")
                .param("releaseId", p.releaseId())
                .param("environment", p.environment())
                .param("service", p.service())
                .param("from", p.fromEnvironment())
                .param("succeededAt", SqlTime.of(p.succeededAt()))
                .param("mode", p.mode().name())
                .param("dueAt", SqlTime.ofNullable(p.dueAt()))
                .update() == 1;
    }

    @Override
    public Optional<PendingPromotion> lockWaiting(UUID releaseId, String environment) {
        return jdbc.sql("""
                select * from promotion where release_id = :releaseId and environment = :environment
                  and state in ('WAITING', 'STOPPED') for update""")
                .param("releaseId", releaseId).param("environment", environment)
                .query((rs, i) -> promotion(rs)).optional();
    }

    @Override
    public List<PendingPromotion> lockDue(Instant now, int limit) {
        return jdbc.sql("select * from promotion where " + WAITING_SOAK + " and due_at <= :now"
                        + " order by due_at limit :limit for update skip locked")
                .param("now", SqlTime.of(now)).param("limit", limit)
                .query((rs, i) -> promotion(rs)).list();
    }

    @Override
    public List<PendingPromotion> lockSoakingIn(String service, String environment) {
        return jdbc.sql("select * from promotion where " + WAITING_SOAK
                        + " and service = :service and from_environment = :environment for update")
                .param("service", service).param("environment", environment)
                .query((rs, i) -> promotion(rs)).list();
    }

    @Override
    public Optional<Instant> nextDue() {
        return jdbc.sql("select min(due_at) as next_due from promotion where " + WAITING_SOAK)
                .query((rs, i) -> SqlTime.nullableInstant(rs, "next_due")).optional().flatMap(Optional::ofNullable);
    }

    @Override
    public void done(PendingPromotion p, String decidedBy, Instant at) {
        decide(p, "DONE", null, decidedBy, at);
    }

    @Override
    public void stop(PendingPromotion p, String reason, Instant at) {
        decide(p, "STOPPED", reason, null, at);
    }

    private void decide(PendingPromotion p, String state, @Nullable String reason,
            @Nullable String decidedBy, Instant at) {
        jdbc.sql("""
                update promotion set state = :state, reason = :reason, decided_by = :decidedBy, decided_at = :at
                where release_id = :releaseId and environment = :environment""")
                .param("state", state).param("reason", reason).param("decidedBy", decidedBy)
                .param("at", SqlTime.of(at))
                .param("releaseId", p.releaseId()).param("environment", p.environment())
                .update();
    }

    private static PendingPromotion promotion(ResultSet rs) throws SQLException {
        return new PendingPromotion(rs.getObject("release_id", UUID.class), rs.getString("service"),
                rs.getString("from_environment"), rs.getString("environment"), SqlTime.instant(rs, "succeeded_at"),
                PendingPromotion.Mode.valueOf(rs.getString("mode")), SqlTime.nullableInstant(rs, "due_at"));
    }
}
