package io.passerelle.incidentservice.change.adapter.persistence;

import io.passerelle.incidentservice.change.port.Changes;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The real change projection without Spring, for the benchmarks. */
public final class ChangeStore {

    private ChangeStore() {
    }

    public static Changes on(JdbcClient jdbc) {
        return new JdbcChanges(jdbc);
    }
}
