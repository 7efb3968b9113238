package io.passerelle.incidentservice.suspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import io.passerelle.incidentservice.change.adapter.persistence.ChangeStore;
import io.passerelle.incidentservice.deployment.adapter.persistence.DeploymentStore;
import io.passerelle.platform.test.BenchmarkDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The suspects of a new incident with 1 000 000 deployments stored: seeds bench/sql/suspects-seed.sql into
 * incident-service's schema of a database, times the real use case ({@link AttributeIncident} over the real
 * projections: the candidates by {@code deployment_by_target}, then their changes by key, then {@link Attribution}),
 * prints Markdown rows, and removes the seed (bench/sql/suspects-cleanup.sql). Not a test: surefire runs it only when
 * named, on the integration tests' database by default (docs/benchmarks.md):
 * <pre>
 * PASSERELLE_IT_DB_URL=jdbc:postgresql://127.0.0.1:5432/test_c ./mvnw -o -pl services/incident-service test \
 *     -Dtest=SuspectsBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * {@code -Dpasserelle.bench.schema=} names another schema (default {@code incident_it}, the integration tests' own,
 * cleaned and migrated first like they do; any other is only migrated).
 */
class SuspectsBenchmark {

    static final int SERVICES = 250;
    static final List<String> ENVIRONMENTS = List.of("dev", "staging", "production", "production-eu");
    static final int RUNS = 2000;
    static final int WARM_UP = 200;

    @Test
    void suspects_of_a_new_incident_with_a_million_deployments_stored() {
        try (var database = BenchmarkDatabase.migrated(System.getProperty("passerelle.bench.schema", "incident_it"))) {
            long seeding = System.nanoTime();
            database.run("suspects-seed.sql");
            var seeded = Duration.ofNanos(System.nanoTime() - seeding);
            try {
                measure(JdbcClient.create(database.dataSource()), database.schema(), seeded);
            } finally {
                database.run("suspects-cleanup.sql");
            }
        }
    }

    private static void measure(JdbcClient jdbc, String schema, Duration seeded) {
        var stored = jdbc.sql("select count(*) from deployment where service like 'bench-sus-%'").query(Long.class)
                .single();
        assertThat(stored).isEqualTo(1_000_000L);
        var attribute = new AttributeIncident(DeploymentStore.on(jdbc), ChangeStore.on(jdbc),
                new Attribution(Duration.ofHours(24), 50));
        var random = new SplittableRandom(42);

        var counts = new int[RUNS];
        var anyTarget = BenchmarkDatabase.time(RUNS, WARM_UP, i -> {
            var service = String.format(Locale.ROOT, "bench-sus-%03d", 1 + random.nextInt(SERVICES));
            var environment = ENVIRONMENTS.get(random.nextInt(ENVIRONMENTS.size()));
            counts[i] = attribute.suspects(service, environment, Instant.now()).size();
        });
        var busiest = new int[RUNS];
        var dev = BenchmarkDatabase.time(RUNS, WARM_UP, i -> busiest[i] = attribute.suspects(
                String.format(Locale.ROOT, "bench-sus-%03d", 1 + random.nextInt(SERVICES)), "dev", Instant.now())
                .size());
        assertThat(Arrays.stream(busiest).min().orElse(0)).as("the busiest targets have many suspects")
                .isGreaterThan(100);

        System.out.printf(Locale.ROOT, "%n| what (schema %s, %s) | result |%n|---|---|%n", schema,
                BenchmarkDatabase.machine());
        System.out.printf(Locale.ROOT, "| seeding 1 000 000 deployments and their changes (bench/sql/suspects-seed.sql) | %.1f s |%n",
                seeded.toMillis() / 1000.0);
        System.out.printf(Locale.ROOT, "| suspects of a new incident, any service and environment (%d random after %d to warm up; %.0f suspects each on average) | %s |%n",
                RUNS, WARM_UP, Arrays.stream(counts).average().orElse(0), anyTarget);
        System.out.printf(Locale.ROOT, "| suspects of a new incident on the busiest environments (dev: a deployment every 10 min; %d random; %.0f suspects each on average) | %s |%n",
                RUNS, Arrays.stream(busiest).average().orElse(0), dev);
    }
}
