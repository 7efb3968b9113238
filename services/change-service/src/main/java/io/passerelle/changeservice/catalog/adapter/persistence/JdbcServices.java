package io.passerelle.changeservice.catalog.adapter.persistence;

import io.passerelle.changeservice.catalog.port.Services;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The services of the catalog projection: those with at least one environment in {@code catalog_environment}. */
@Repository
class JdbcServices implements Services {

    private final JdbcClient jdbc;

    JdbcServices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean registered(String service) {
        return jdbc.sql("select exists (select 1 from catalog_environment where service = :service)")
                .param("service", service).query(Boolean.class).single();
    }
}
