package io.passerelle.changeservice.freezewindow.adapter.persistence;

import io.passerelle.changeservice.freezewindow.port.ServiceCatalog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The names of the catalog projection (table {@code catalog_environment}, kept by the catalog feature), read only. */
@Repository
class JdbcServiceCatalog implements ServiceCatalog {

    private final JdbcClient jdbc;

    JdbcServiceCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean hasService(String service) {
        return jdbc.sql("select exists (select 1 from catalog_environment where service = :service)")
                .param("service", service).query(Boolean.class).single();
    }

    @Override
    public boolean hasEnvironment(String environment) {
        return jdbc.sql("select exists (select 1 from catalog_environment where name = :name)")
                .param("name", environment).query(Boolean.class).single();
    }
}
