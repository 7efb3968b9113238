package io.passerelle.incidentservice.deployment.adapter.persistence;

import io.passerelle.incidentservice.deployment.port.Deployments;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The real deployment projection without Spring, for the benchmarks. */
public final class DeploymentStore {

    private DeploymentStore() {
    }

    public static Deployments on(JdbcClient jdbc) {
        return new JdbcDeployments(jdbc);
    }
}
