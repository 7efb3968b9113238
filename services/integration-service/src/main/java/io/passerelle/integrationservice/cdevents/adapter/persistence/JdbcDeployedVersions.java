package io.passerelle.integrationservice.cdevents.adapter.persistence;

import java.time.Instant;
import java.util.Optional;

import io.passerelle.integrationservice.cdevents.port.DeployedVersions;
import io.passerelle.platform.persistence.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code cdevent_deployed_version}: the row is locked while it is read and replaced (one inbox transaction). */
@Repository
class JdbcDeployedVersions implements DeployedVersions {

    private final JdbcClient jdbc;

    JdbcDeployedVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> replace(String service, String environment, String version, Instant at) {
        var previous = jdbc.sql("""
                select version from cdevent_deployed_version where service = :service and environment = :environment
                for update""")
                .param("service", service).param("environment", environment).query(String.class).optional();
        jdbc.sql("""
                insert into cdevent_deployed_version (service, environment, version, deployed_at)
                values (:service, :environment, :version, :at)
                on conflict (service, environment) do update set version = excluded.version,
                    deployed_at = excluded.deployed_at""")
                .param("service", service).param("environment", environment).param("version", version)
                .param("at", SqlTime.of(at)).update();
        return previous;
    }
}
