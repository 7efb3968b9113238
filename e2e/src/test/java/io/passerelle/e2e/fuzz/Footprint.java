package io.passerelle.e2e.fuzz;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.passerelle.e2e.Stack;
import io.passerelle.testkit.Http;

/**
 * What the services hold: the row count of every table in the e2e database's service schemas, and the depth of every
 * dead-letter queue. Taken before and after the run, once nothing moves any more.
 */
record Footprint(Map<String, Long> rows, Map<String, Long> deadLetters) {

    static final List<String> SCHEMAS = List.of("change", "incident", "release", "integration");
    static final String DATABASE = "jdbc:postgresql://" + System.getenv().getOrDefault("PASSERELLE_PG_HOST", "127.0.0.1")
            + ":5432/passerelle_e2e";

    /** Takes footprints until three in a row, a second apart, are equal (at most a minute). */
    static Footprint settled(Fixture fixture) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        var last = take(fixture);
        int same = 1;
        while (same < 3 && System.nanoTime() < deadline) {
            sleep();
            var next = take(fixture);
            same = next.equals(last) ? same + 1 : 1;
            last = next;
        }
        return last;
    }

    static Footprint take(Fixture fixture) {
        return new Footprint(countRows(), deadLetterDepths(fixture));
    }

    /** What changed, table by table and queue by queue: "schema.table: 12 → 13". */
    List<String> differences(Footprint after) {
        var differences = new java.util.ArrayList<String>();
        for (var pair : List.of(Map.entry(rows, after.rows), Map.entry(deadLetters, after.deadLetters))) {
            var names = new java.util.TreeSet<>(pair.getKey().keySet());
            names.addAll(pair.getValue().keySet());
            for (var name : names) {
                long before = pair.getKey().getOrDefault(name, 0L);
                long now = pair.getValue().getOrDefault(name, 0L);
                if (before != now) {
                    differences.add(name + ": " + before + " → " + now);
                }
            }
        }
        return differences;
    }

    private static Map<String, Long> countRows() {
        var counts = new TreeMap<String, Long>();
        try (var connection = DriverManager.getConnection(DATABASE, "postgres", "")) {
            var tables = new java.util.ArrayList<String>();
            try (var statement = connection.prepareStatement("select table_schema || '.' || table_name from information_schema.tables"
                    + " where table_schema = any(?) and table_type = 'BASE TABLE'")) {
                statement.setArray(1, connection.createArrayOf("text", SCHEMAS.toArray()));
                try (var result = statement.executeQuery()) {
                    while (result.next()) {
                        tables.add(result.getString(1));
                    }
                }
            }
            for (var table : tables) {
                try (var statement = connection.createStatement();
                     var result = statement.executeQuery("select count(*) from " + table)) {
                    result.next();
                    counts.put(table, result.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the rows of " + DATABASE + " as postgres: " + e.getMessage(), e);
        }
        if (counts.isEmpty()) {
            throw new IllegalStateException("no table found in the schemas " + SCHEMAS + " of " + DATABASE);
        }
        return counts;
    }

    /** Depths from rabbitmqctl where it runs here, else the number each service's /actuator/deadletters lists. */
    private static Map<String, Long> deadLetterDepths(Fixture fixture) {
        var depths = new TreeMap<String, Long>();
        var queues = Stack.queueDepths();
        if (!queues.isEmpty()) {
            queues.forEach((queue, depth) -> {
                if (queue.endsWith(".dlq")) {
                    depths.put("dead letters " + queue, (long) depth);
                }
            });
            return depths;
        }
        letters(fixture).forEach((queue, letters) -> depths.put("dead letters " + queue, (long) letters.size()));
        return depths;
    }

    /** Each service's dead letters as /actuator/deadletters shows them (first 50): event type and error. */
    static Map<String, List<String>> letters(Fixture fixture) {
        var letters = new LinkedHashMap<String, List<String>>();
        for (int port = 8081 + Stack.OFFSET; port <= 8084 + Stack.OFFSET; port++) {
            var response = Http.get("http://127.0.0.1:" + port + "/actuator/deadletters", fixture.token("operator"));
            var queue = response.body().path("queue").asString("port " + port);
            var found = new java.util.ArrayList<String>();
            response.body().path("messages").forEach(m -> found.add(m.path("eventType").asString("?") + ": "
                    + Fuzz.printable(m.path("error").asString(""), 200)));
            letters.put(queue, found);
        }
        return letters;
    }

    private static void sleep() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
