package io.passerelle.e2e.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What the four services recorded for the run's services, read from the e2e database as {@code postgres} (which sees
 * every service's schema): the deliveries integration-service verified and its deploy dispatches, release-service's
 * releases and deployments, change-service's changes, incident-service's projection of finished deployments.
 */
record Records(Set<String> deliveries, List<Release> releases, List<Deployment> deployments, List<Change> changes,
        Map<String, String> dispatches, Set<String> projected) {

    static final String DATABASE = "jdbc:postgresql://" + System.getenv().getOrDefault("PASSERELLE_PG_HOST", "127.0.0.1")
            + ":5432/passerelle_e2e";

    record Release(String id, String service, String commitSha) {
    }

    record Deployment(String id, String releaseId, String service, String environment, String state,
            @Nullable String reason) {

        boolean settled() {
            return state.equals("SUCCEEDED") || state.equals("FAILED");
        }
    }

    record Change(String id, @Nullable String deploymentId, String state) {
    }

    static Records read(Collection<String> services) {
        try (var connection = DriverManager.getConnection(DATABASE, "postgres", "")) {
            var deliveries = new HashSet<String>();
            query(connection, "select delivery_id from integration.github_delivery where service = any(?)", services,
                    row -> deliveries.add(row.getString(1)));
            var releases = new ArrayList<Release>();
            query(connection, "select id, service, commit_sha from release.release where service = any(?)", services,
                    row -> releases.add(new Release(row.getString(1), row.getString(2), row.getString(3))));
            var deployments = new ArrayList<Deployment>();
            query(connection, "select id, release_id, service, environment, state, reason from release.deployment"
                    + " where service = any(?)", services, row -> deployments.add(new Deployment(row.getString(1),
                    row.getString(2), row.getString(3), row.getString(4), row.getString(5), row.getString(6))));
            var changes = new ArrayList<Change>();
            query(connection, "select id, deployment_id, state from change.change_request where service = any(?)",
                    services, row -> changes.add(new Change(row.getString(1), row.getString(2), row.getString(3))));
            var dispatches = new HashMap<String, String>();
            query(connection, "select deployment_id, state from integration.deployment_dispatch where service = any(?)",
                    services, row -> dispatches.put(row.getString(1), row.getString(2)));
            var projected = new HashSet<String>();
            query(connection, "select deployment_id from incident.deployment where service = any(?)", services,
                    row -> projected.add(row.getString(1)));
            return new Records(deliveries, releases, deployments, changes, dispatches, projected);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + DATABASE + " as postgres: " + e.getMessage(), e);
        }
    }

    private interface Row {
        void accept(ResultSet row) throws SQLException;
    }

    private static void query(Connection connection, String sql, Collection<String> services, Row row)
            throws SQLException {
        try (var statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("text", services.toArray()));
            try (var result = statement.executeQuery()) {
                while (result.next()) {
                    row.accept(result);
                }
            }
        }
    }
}
