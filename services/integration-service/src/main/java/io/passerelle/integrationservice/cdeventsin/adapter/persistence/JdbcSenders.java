package io.passerelle.integrationservice.cdeventsin.adapter.persistence;

import java.util.List;

import io.passerelle.integrationservice.cdeventsin.Sender;
import io.passerelle.integrationservice.cdeventsin.port.Senders;
import io.passerelle.platform.persistence.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcSenders implements Senders {

    private final JdbcClient jdbc;

    JdbcSenders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(Sender sender) {
        jdbc.sql("""
                insert into cdevent_sender (name, token_sealed, updated_at, updated_by)
                values (:name, :token, :at, :by)
                on conflict (name) do update set token_sealed = excluded.token_sealed,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .param("name", sender.name())
                .param("token", sender.tokenSealed())
                .param("at", SqlTime.of(sender.updatedAt()))
                .param("by", sender.updatedBy())
                .update();
    }

    @Override
    public List<Sender> all() {
        return jdbc.sql("select * from cdevent_sender order by name")
                .query((rs, n) -> new Sender(rs.getString("name"), rs.getString("token_sealed"),
                        SqlTime.instant(rs, "updated_at"), rs.getString("updated_by")))
                .list();
    }

    @Override
    public boolean remove(String name) {
        return jdbc.sql("delete from cdevent_sender where name = :name").param("name", name).update() == 1;
    }
}
