package io.passerelle.bench;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.passerelle.testkit.DeployTarget;
import io.passerelle.testkit.GitHub;
import io.passerelle.testkit.Http;
import io.passerelle.testkit.Tokens;

/**
 * Freeze end → held deployment dispatched: {@code n} green pipelines of one service arrive during a freeze window of
 * that service; each change is authorized (standard) but held, nothing is dispatched. When the window ends, the held
 * changes are released and their deployments go out on their own; each deployment's delay is the time from the
 * window's end to its signed deploy request reaching the target.
 */
final class FreezeRelease {

    private FreezeRelease() {
    }

    /** Declares a freeze window of the service from {@code start} to {@code end}. */
    private static void declare(String gateway, String alice, String title, String service, Instant start,
            Instant end) {
        var freeze = Http.post(gateway + "/api/v1/freeze-windows", alice, Map.of("name", title, "reason",
                "make bench", "start", start.toString(), "end", end.toString(), "timeZone", "UTC", "scope",
                Map.of("services", List.of(service))));
        if (freeze.status() != 201) {
            throw new IllegalStateException("cannot declare the freeze: " + freeze.raw());
        }
    }

    /**
     * The Markdown row of the measure one held deployment at a time: {@code services} services side by side, each
     * {@code rounds} times: a window of its own ending two seconds on, one pipeline held by it, the delay from the
     * window's end to the deploy request.
     */
    static String measureOneByOne(String gateway, Tokens tokens, int services, int rounds) throws Exception {
        var rhea = tokens.user("rhea");
        var alice = tokens.user("alice");
        var delays = new java.util.concurrent.ConcurrentLinkedQueue<Double>();
        try (var target = new DeployTarget(tokens)) {
            var pool = Executors.newFixedThreadPool(services);
            var failures = new java.util.concurrent.ConcurrentLinkedQueue<String>();
            for (int s = 0; s < services; s++) {
                var name = "bench-frz1-" + s + "-" + Long.toString(System.currentTimeMillis(), 36);
                var secret = HexFormat.of().formatHex(SecureRandom.getSeed(16));
                StagingService.register(gateway, rhea, target, "/ok", name, secret);
                pool.submit(() -> {
                    try {
                        for (int r = 0; r < rounds; r++) {
                            delays.add(oneHeld(gateway, rhea, alice, target, name, secret, r));
                        }
                    } catch (Exception e) {
                        failures.add(name + ": " + e.getMessage());
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.MINUTES);
            if (!failures.isEmpty()) {
                return "| freeze end → held deployment dispatched, one at a time | not measured: " + failures.peek() + " |";
            }
        }
        var sorted = delays.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return String.format(Locale.ROOT, "| freeze end → held deployment dispatched, one held deployment per window (%d"
                + " windows, %d services side by side) | p50 %.0f ms · p99 %.0f ms · max %.0f ms |", sorted.length,
                services, GoldenPathBenchmark.percentile(sorted, 50), GoldenPathBenchmark.percentile(sorted, 99),
                sorted[sorted.length - 1]);
    }

    /** One window of the service ending 2 s on, one pipeline it holds: ms from the end to the deploy request. */
    private static double oneHeld(String gateway, String rhea, String alice, DeployTarget target, String name,
            String secret, int round) throws Exception {
        var now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var end = now.plusSeconds(3);
        declare(gateway, alice, "Bench " + round, name, now.minusSeconds(60), end);
        int before = target.callsFor(name).size();
        var sha = String.format("%040x", 0xF1EE000000L + round);
        GitHub.deliver(gateway, GitHub.workflowRun("bench/" + name, "main", sha, 800_000 + round), secret,
                GitHub.newDeliveryId());
        long endNanos = System.nanoTime() + Duration.between(Instant.now(), end).toNanos();
        long deadline = endNanos + TimeUnit.SECONDS.toNanos(30);
        while (target.callsFor(name).size() == before) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no deploy request within 30 s of the end");
            }
            Thread.sleep(5);
        }
        double delay = (target.callsFor(name).get(before).receivedAtNanos() - endNanos) / 1e6;
        if (delay < 0) {
            throw new IllegalStateException("a held deployment went out " + (-delay) + " ms before its freeze ended");
        }
        return delay;
    }

    /** The Markdown row of the measure: {@code n} changes held by one window, all released when it ends. */
    static String measure(String gateway, Tokens tokens, int n) throws Exception {
        var rhea = tokens.user("rhea");
        var alice = tokens.user("alice");
        var name = "bench-frz-" + Long.toString(System.currentTimeMillis(), 36);
        var repository = "bench/" + name;
        var secret = HexFormat.of().formatHex(SecureRandom.getSeed(16));
        try (var target = new DeployTarget(tokens)) {
            StagingService.register(gateway, rhea, target, "/ok", name, secret);
            var now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            var end = now.plusSeconds(30 + n / 5);
            declare(gateway, alice, "Bench freeze", name, now.minusSeconds(60), end);
            var senders = Executors.newFixedThreadPool(4);
            for (int i = 0; i < n; i++) {
                long run = i;
                senders.submit(() -> {
                    var sha = String.format("%040x", 0xF2EE000000L + run);
                    GitHub.deliver(gateway, GitHub.workflowRun(repository, "main", sha, 700_000 + run), secret,
                            GitHub.newDeliveryId());
                });
            }
            senders.shutdown();
            senders.awaitTermination(5, TimeUnit.MINUTES);
            int held = 0;
            while (Instant.now().isBefore(end)) {
                held = (int) Http.get(gateway + "/api/v1/changes?service=" + name + "&state=SCHEDULED", rhea).body()
                        .valueStream().filter(c -> !c.path("hold").isMissingNode()).count();
                if (held == n) {
                    break;
                }
                Thread.sleep(200);
            }
            if (held != n || !target.callsFor(name).isEmpty()) {
                return "| freeze end → held deployment dispatched | not measured: " + held + " of " + n
                        + " changes held before the window ended (lengthen it) |";
            }
            long endNanos = System.nanoTime() + Duration.between(Instant.now(), end).toNanos();
            long deadline = endNanos + TimeUnit.SECONDS.toNanos(120);
            while (target.callsFor(name).size() < n && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            var delays = target.callsFor(name).stream().mapToDouble(c -> (c.receivedAtNanos() - endNanos) / 1e6)
                    .sorted().toArray();
            if (delays.length < n) {
                return "| freeze end → held deployment dispatched | " + delays.length + " of " + n
                        + " dispatched within 120 s of the end |";
            }
            return String.format(Locale.ROOT, "| freeze end → held deployment dispatched (%d changes held by one window,"
                    + " released together) | p50 %.0f ms · p99 %.0f ms · max %.0f ms; none before the end: %s |",
                    n, GoldenPathBenchmark.percentile(delays, 50), GoldenPathBenchmark.percentile(delays, 99),
                    delays[delays.length - 1], Arrays.stream(delays).allMatch(d -> d >= 0) ? "yes" : "NO");
        }
    }
}
