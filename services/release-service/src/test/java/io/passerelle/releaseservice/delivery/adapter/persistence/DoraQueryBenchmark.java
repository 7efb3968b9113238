package io.passerelle.releaseservice.delivery.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import io.passerelle.platform.test.BenchmarkDatabase;
import io.passerelle.releaseservice.delivery.DeliveryFigures;
import io.passerelle.releaseservice.delivery.Scope;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The DORA query with 1 000 000 deployments stored: seeds bench/sql/dora-seed.sql into release-service's schema of a
 * database, times the real query class ({@link JdbcDeliveryHistory}: the deployments, then their confirmed causes)
 * and the figures' computation per service-month, prints Markdown rows, and removes the seed
 * (bench/sql/dora-cleanup.sql). Not a test: surefire runs it only when
 * named, on the integration tests' database by default (docs/benchmarks.md):
 * <pre>
 * PASSERELLE_IT_DB_URL=jdbc:postgresql://127.0.0.1:5432/test_dora ./mvnw -o -pl services/release-service test \
 *     -Dtest=DoraQueryBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * {@code -Dpasserelle.bench.schema=} names another schema (default {@code release_it}, the integration tests' own,
 * cleaned and migrated first like they do; any other is only migrated).
 */
class DoraQueryBenchmark {

    static final int SERVICES = 100;
    static final int SERVICE_MONTHS = 500;
    static final int WARM_UP = 50;

    @Test
    void dora_query_per_service_month_with_a_million_deployments_stored() {
        try (var database = BenchmarkDatabase.migrated(System.getProperty("passerelle.bench.schema", "release_it"))) {
            long seeding = System.nanoTime();
            database.run("dora-seed.sql");
            var seeded = Duration.ofNanos(System.nanoTime() - seeding);
            try {
                measure(JdbcClient.create(database.dataSource()), database.schema(), seeded);
            } finally {
                database.run("dora-cleanup.sql");
            }
        }
    }

    private static void measure(JdbcClient jdbc, String schema, Duration seeded) {
        var stored = jdbc.sql("select count(*) from deployment where service like 'bench-dora-%'")
                .query(Long.class).single();
        assertThat(stored).isEqualTo(1_000_000L);
        var history = new JdbcDeliveryHistory(jdbc);
        var now = Instant.now();
        var random = new SplittableRandom(42);
        Supplier<Scope> anyService = () -> new Scope(
                String.format(Locale.ROOT, "bench-dora-%03d", 1 + random.nextInt(SERVICES)), "production");

        var month = Duration.ofDays(30);
        var rows = new long[SERVICE_MONTHS];
        var perMonth = time(SERVICE_MONTHS, i -> {
            var from = now.minus(Duration.ofDays(365)).plus(Duration.ofHours(random.nextInt(335 * 24)));
            var scope = List.of(anyService.get());
            var finished = history.finishedBetween(scope, from, from.plus(month));
            rows[i] = finished.size();
            DeliveryFigures.of(from, from.plus(month), finished, history.causesBetween(scope, from, from.plus(month)));
        });
        var perYear = time(20, i -> {
            var scope = List.of(anyService.get());
            var from = now.minus(Duration.ofDays(366));
            DeliveryFigures.of(from, now, history.finishedBetween(scope, from, now),
                    history.causesBetween(scope, from, now));
        });
        var allServices = java.util.stream.IntStream.rangeClosed(1, SERVICES)
                .mapToObj(s -> new Scope(String.format(Locale.ROOT, "bench-dora-%03d", s), "production")).toList();
        var fleetMonth = time(10, i -> DeliveryFigures.of(now.minus(month), now,
                history.finishedBetween(allServices, now.minus(month), now),
                history.causesBetween(allServices, now.minus(month), now)));

        System.out.printf(Locale.ROOT, "%n| what (schema %s, %s) | result |%n|---|---|%n", schema,
                BenchmarkDatabase.machine());
        System.out.printf(Locale.ROOT, "| seeding 1 000 000 deployments and their releases (bench/sql/dora-seed.sql) | %.1f s |%n",
                seeded.toMillis() / 1000.0);
        System.out.printf(Locale.ROOT, "| DORA query + figures, one service-month (%d random, after %d to warm up; %.0f finished deployments each on average) | %s |%n",
                SERVICE_MONTHS, WARM_UP, Arrays.stream(rows).average().orElse(0), perMonth);
        System.out.printf(Locale.ROOT, "| DORA query + figures, one service, 366 days (20) | %s |%n", perYear);
        System.out.printf(Locale.ROOT, "| DORA query + figures, all %d services in one query, 30 days (what a gauge refresh reads; 10) | %s |%n",
                SERVICES, fleetMonth);
    }

    /** p50 · p99 · max of {@code n} runs in milliseconds, after {@value #WARM_UP} runs that warm up. */
    private static String time(int n, java.util.function.IntConsumer run) {
        return BenchmarkDatabase.time(n, WARM_UP, run);
    }
}
