package io.passerelle.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntConsumer;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

/**
 * What the database benchmarks of the services share (docs/benchmarks.md): a service's schema of the integration tests'
 * database ({@code PASSERELLE_IT_DB_URL}, user and password as the integration tests take them), migrated; the scripts
 * of bench/sql that seed and clean it; and p50 · p99 · max of timed runs, with the machine's load to read them by.
 */
public final class BenchmarkDatabase implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final String schema;

    private BenchmarkDatabase(HikariDataSource dataSource, String schema) {
        this.dataSource = dataSource;
        this.schema = schema;
    }

    /**
     * The schema, migrated with the service's migrations after the platform's; the integration tests' own schema
     * ({@code <service>_it}) is cleaned first, as they do at every start, any other only migrated.
     */
    public static BenchmarkDatabase migrated(String schema) {
        var dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(env("PASSERELLE_IT_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test"));
        dataSource.setUsername(env("PASSERELLE_IT_DB_USER", "postgres"));
        dataSource.setPassword(env("PASSERELLE_IT_DB_PASSWORD", ""));
        dataSource.setSchema(schema);
        dataSource.setMaximumPoolSize(2);
        var flyway = Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema)
                .locations("classpath:db/platform", "classpath:db/migration").cleanDisabled(false).load();
        if (schema.endsWith("_it")) {
            flyway.clean();
        }
        flyway.migrate();
        return new BenchmarkDatabase(dataSource, schema);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public String schema() {
        return schema;
    }

    /** Runs a script of bench/sql on one connection (it may use a temporary table), statement by statement. */
    public void run(String script) {
        try {
            var text = Files.readString(RepositoryFiles.root().resolve("bench/sql").resolve(script));
            try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
                for (var sql : text.replaceAll("(?m)^--.*$", "").split(";")) {
                    if (!sql.isBlank()) {
                        statement.execute(sql);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("bench/sql/" + script + " failed: " + e.getMessage(), e);
        }
    }

    /** p50 · p99 · max of {@code n} runs in milliseconds, after {@code warmUp} runs that warm up (given i % n). */
    public static String time(int n, int warmUp, IntConsumer run) {
        for (int i = 0; i < warmUp; i++) {
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

    /** {@code 2 cores, load average 3.2}: what a figure was measured on. */
    public static String machine() {
        return String.format(Locale.ROOT, "%d cores, load average %.1f", Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static String env(String name, String otherwise) {
        var value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
