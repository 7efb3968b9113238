package io.passerelle.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
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
 * Measures the golden path on a running stack (`make up`), from outside, as a pipeline sees it:
 * <ul>
 * <li><b>gate latency</b>: a signed GitHub delivery sent → the deploy target receives the signed deployment request.
 * In between: integration-service verifies and publishes, release-service records and plans, change-service raises
 * and authorizes a standard change, release-service requests, integration-service calls the target — five events,
 * five outbox relays with confirms, five idempotent consumers, four services;</li>
 * <li><b>throughput</b>: a burst of green pipelines from several senders → every deployment SUCCEEDED (the target
 * reports back through the gateway);</li>
 * <li><b>the callback path</b>: a deploy target's signed report → deployment.succeeded.v1, one at a time and in a
 * burst ({@link CallbackPath});</li>
 * <li><b>gate latency by hop</b>: where the time of the sequential runs goes, from their traces in Zipkin
 * ({@link GateBreakdown}; needs {@code make up TRACING=1});</li>
 * <li><b>memory</b>: the resident set of every JVM of the stack afterwards.</li>
 * </ul>
 * Arguments: {@code [latency runs] [burst size]}; PASSERELLE_STACK=e2e measures the e2e stack instead.
 */
public final class GoldenPathBenchmark {

    private GoldenPathBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int burst = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        var stack = System.getenv().getOrDefault("PASSERELLE_STACK", "dev");
        int offset = stack.equals("e2e") ? 10_000 : 0;
        var gateway = "http://127.0.0.1:" + (8080 + offset);
        var tokens = new Tokens("http://127.0.0.1:" + (8180 + offset));
        var rhea = tokens.user("rhea");

        var name = "bench-" + Long.toString(System.currentTimeMillis(), 36);
        var repository = "bench/" + name;
        var secret = HexFormat.of().formatHex(SecureRandom.getSeed(16));
        try (var target = new DeployTarget(tokens)) {
            StagingService.register(gateway, rhea, target, "/ok", name, secret);

            long sequence = 0;
            for (int i = 0; i < 20; i++) { // warm-up: JIT, pools, caches
                gate(gateway, target, repository, secret, sequence++, null);
            }
            var zipkin = "http://127.0.0.1:" + (9411 + offset);
            boolean traced = GateBreakdown.available(zipkin);
            var traceIds = new ArrayList<String>();
            var latencies = new double[runs];
            for (int i = 0; i < runs; i++) {
                var traceId = HexFormat.of().formatHex(SecureRandom.getSeed(16));
                traceIds.add(traceId);
                latencies[i] = gate(gateway, target, repository, secret, sequence++, traceId);
            }
            Arrays.sort(latencies);
            var breakdown = new GateBreakdown(zipkin);
            if (traced) {
                Thread.sleep(3_000); // the apps report their spans to Zipkin every second
                for (var traceId : traceIds) {
                    breakdown.add(traceId);
                }
            }

            int before = deployments(gateway, rhea, name).size();
            awaitAllSucceeded(gateway, rhea, name, before, 120);
            var senders = Executors.newFixedThreadPool(4);
            long start = System.nanoTime();
            for (int i = 0; i < burst; i++) {
                long n = sequence++;
                senders.submit(() -> send(gateway, repository, secret, n));
            }
            senders.shutdown();
            senders.awaitTermination(5, TimeUnit.MINUTES);
            long sent = System.nanoTime();
            awaitAllSucceeded(gateway, rhea, name, before + burst, 600);
            long done = System.nanoTime();

            System.out.printf(Locale.ROOT, "| gate latency, webhook → signed deploy request (%d sequential runs) | p50 %.1f ms · p95 %.1f ms · p99 %.1f ms · max %.1f ms |%n",
                    runs, percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99),
                    latencies[runs - 1]);
            if (traced) {
                breakdown.rows().forEach(System.out::println);
            } else {
                System.out.println("| gate latency by hop | not measured: Zipkin is not running (make up TRACING=1) |");
            }
            System.out.printf(Locale.ROOT, "| burst of %d green pipelines, 4 senders → all deployments SUCCEEDED | %.1f s · %.1f pipelines/s (webhooks accepted at %.0f/s) |%n",
                    burst, (done - start) / 1e9, burst / ((done - start) / 1e9), burst / ((sent - start) / 1e9));
            System.out.println(GateDecisionDelivery.measure(gateway, tokens, runs));
            System.out.println(FreezeRelease.measureOneByOne(gateway, tokens, 10, Math.max(1, runs / 10)));
            System.out.println(FreezeRelease.measure(gateway, tokens, runs));
            CallbackPath.measure(gateway, stack.equals("e2e") ? "passerelle-e2e" : "/", tokens, runs, burst)
                    .forEach(System.out::println);
            for (var rss : residentSetSizes(stack)) {
                System.out.println(rss);
            }
        }
        System.exit(0);
    }

    /** One gate run; with a trace id, the webhook carries it (traceparent), so that its trace can be found. */
    private static double gate(String gateway, DeployTarget target, String repository, String secret, long n,
            @org.jspecify.annotations.Nullable String traceId) throws InterruptedException {
        int calls = target.calls().size();
        long start = System.nanoTime();
        send(gateway, repository, secret, n, traceId == null ? Map.of()
                : Map.of("traceparent", "00-" + traceId + "-" + traceId.substring(0, 16) + "-01"));
        long deadline = start + TimeUnit.SECONDS.toNanos(30);
        while (target.calls().size() == calls) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no deploy request within 30 s for run " + n);
            }
            Thread.sleep(0, 200_000);
        }
        return (target.calls().get(calls).receivedAtNanos() - start) / 1e6;
    }

    private static void send(String gateway, String repository, String secret, long n) {
        send(gateway, repository, secret, n, Map.of());
    }

    private static void send(String gateway, String repository, String secret, long n, Map<String, String> headers) {
        var sha = String.format("%040x", 0xBE00000000L + n);
        var response = GitHub.deliver(gateway, GitHub.workflowRun(repository, "main", sha, 900_000 + n), secret,
                GitHub.newDeliveryId(), headers);
        if (response.status() != 202) {
            throw new IllegalStateException("webhook refused: " + response.status() + " " + response.raw());
        }
    }

    private static List<String> deployments(String gateway, String token, String service) {
        var states = new ArrayList<String>();
        Http.get(gateway + "/api/v1/deployments?service=" + service, token).body()
                .forEach(d -> states.add(d.path("state").asString()));
        return states;
    }

    private static void awaitAllSucceeded(String gateway, String token, String service, int count, int seconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            var states = deployments(gateway, token, service);
            if (states.size() >= count && states.stream().allMatch("SUCCEEDED"::equals)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(service + ": " + states.size() + " deployments, not all SUCCEEDED");
            }
            Thread.sleep(100);
        }
    }

    static double percentile(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /** The machine's 1-minute load average now, from /proc/loadavg. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    /** VmRSS of each app of the stack, from its pid file and /proc. */
    private static List<String> residentSetSizes(String stack) throws Exception {
        var rows = new ArrayList<String>();
        for (var app : List.of("keycloak", "gateway", "change-service", "incident-service", "release-service",
                "integration-service")) {
            var pidFile = Path.of(".run", stack, app + ".pid");
            if (!Files.exists(pidFile)) {
                continue;
            }
            var status = Path.of("/proc", Files.readString(pidFile).trim(), "status");
            if (!Files.exists(status)) {
                continue;
            }
            var rss = Files.readAllLines(status).stream().filter(l -> l.startsWith("VmRSS:")).findFirst().orElse("?");
            long kib = Long.parseLong(rss.replaceAll("\\D", ""));
            rows.add(String.format(Locale.ROOT, "| RSS of %s after the run | %d MiB |", app, kib / 1024));
        }
        return rows;
    }
}
