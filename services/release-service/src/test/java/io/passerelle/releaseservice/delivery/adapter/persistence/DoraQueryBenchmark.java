package io.passerelle.releaseservice.delivery.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.passerelle.platform.test.RepositoryFiles;
import io.passerelle.releaseservice.delivery.DeliveryFigures;
import io.passerelle.releaseservice.delivery.Scope;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The DORA query with 1 000 000 deployments stored: seeds bench/sql/dora-seed.sql into release-service's schema of a
 * database, times the real query class ({@link JdbcDeliveryHistory}) and the figures' computation per service-month,
 * prints Markdown rows, and removes the seed (bench/sql/dora-cleanup.sql). Not a test: surefire runs it only when
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
    void dora_query_per_service_month_with_a_million_deployments_stored() throws Exception {
        var schema = System.getProperty("passerelle.bench.schema", "release_it");
        try (var dataSource = dataSource(schema)) {
            var flyway = Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema)
                    .locations("classpath:db/platform", "classpath:db/migration").cleanDisabled(false).load();
            if (schema.endsWith("_it")) { // the integration tests' own schema: they clean it at every start too
                flyway.clean();
            }
            flyway.migrate();
            var jdbc = JdbcClient.create(dataSource);
            long seeding = System.nanoTime();
            run(dataSource, "dora-seed.sql");
            var seeded = Duration.ofNanos(System.nanoTime() - seeding);
            try {
                measure(jdbc, schema, seeded);
            } finally {
                run(dataSource, "dora-cleanup.sql");
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
            var finished = history.finishedBetween(List.of(anyService.get()), from, from.plus(month));
            rows[i] = finished.size();
            DeliveryFigures.of(from, from.plus(month), finished, List.of());
        });
        var perYear = time(20, i -> DeliveryFigures.of(now.minus(Duration.ofDays(366)), now, history.finishedBetween(
                List.of(anyService.get()), now.minus(Duration.ofDays(366)), now), List.of()));
        var allServices = java.util.stream.IntStream.rangeClosed(1, SERVICES)
                .mapToObj(s -> new Scope(String.format(Locale.ROOT, "bench-dora-%03d", s), "production")).toList();
        var fleetMonth = time(10, i -> DeliveryFigures.of(now.minus(month), now,
                history.finishedBetween(allServices, now.minus(month), now), List.of()));

        System.out.printf(Locale.ROOT, "%n| what (schema %s, %s) | result |%n|---|---|%n", schema, machine());
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
        for (int i = 0; i < WARM_UP; i++) {
            run.accept(i % n);
        }
        var millis = new double[n];
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            run.accept(i);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return String.format(Locale.ROOT, "p50 %.2f ms · p99 %.2f ms · max %.2f ms", millis[(int) Math.ceil(n * 0.5) - 1],
                millis[(int) Math.ceil(n * 0.99) - 1], millis[n - 1]);
    }

    private static String machine() {
        return String.format(Locale.ROOT, "%d cores, load average %.1f", Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static HikariDataSource dataSource(String schema) {
        var dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(env("PASSERELLE_IT_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test"));
        dataSource.setUsername(env("PASSERELLE_IT_DB_USER", "postgres"));
        dataSource.setPassword(env("PASSERELLE_IT_DB_PASSWORD", ""));
        dataSource.setSchema(schema);
        dataSource.setMaximumPoolSize(2);
        return dataSource;
    }

    private static String env(String name, String otherwise) {
        var value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }

    /** Runs a script of bench/sql on one connection (it uses a temporary table), statement by statement. */
    private static void run(DataSource dataSource, String script) throws IOException, SQLException {
        var text = Files.readString(RepositoryFiles.root().resolve("bench/sql").resolve(script));
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            for (var sql : text.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        }
    }
}
