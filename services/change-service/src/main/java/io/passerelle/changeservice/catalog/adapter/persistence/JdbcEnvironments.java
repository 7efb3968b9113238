package io.passerelle.changeservice.catalog.adapter.persistence;

import java.util.List;
import java.util.Optional;

import io.passerelle.changeservice.catalog.Environment;
import io.passerelle.changeservice.catalog.port.Environments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The catalog projection: one row per environment of a service. */
@Repository
class JdbcEnvironments implements Environments {

    private final JdbcClient jdbc;

    JdbcEnvironments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Environment> find(String service, String name) {
        return jdbc.sql("select service, name, requires_approval from catalog_environment"
                        + " where service = :service and name = :name")
                .param("service", service).param("name", name)
                .query((rs, n) -> new Environment(rs.getString("service"), rs.getString("name"),
                        rs.getBoolean("requires_approval")))
                .optional();
    }

    @Override
    public boolean known(String name) {
        return jdbc.sql("select exists (select 1 from catalog_environment where name = :name)").param("name", name)
                .query(Boolean.class).single();
    }

    @Override
    public void replace(String service, List<Environment> environments) {
        jdbc.sql("delete from catalog_environment where service = :service").param("service", service).update();
        for (var e : environments) {
            jdbc.sql("""
                    insert into catalog_environment (service, name, requires_approval)
                    values (:service, :name, :requiresApproval)""")
                    .param("service", service).param("name", e.name()).param("requiresApproval", e.requiresApproval())
                    .update();
        }
    }
}
