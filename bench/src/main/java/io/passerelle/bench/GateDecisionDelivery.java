package io.passerelle.bench;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.passerelle.testkit.Http;
import io.passerelle.testkit.Tokens;

/**
 * Approval accepted → waiting gate answered: a pipeline opens a gate (the CI client's token) on an environment that
 * requires approval and waits on it ({@code GET /api/v1/gates/{id}?wait=60}); a change manager approves its change;
 * the delay is from the approval's answer to the waiting request's answer, through the gateway, over {@code n} gates.
 */
final class GateDecisionDelivery {

    private GateDecisionDelivery() {
    }

    /** The Markdown row of the measure. */
    static String measure(String gateway, Tokens tokens, int n) throws Exception {
        var rhea = tokens.user("rhea");
        var alice = tokens.user("alice");
        var ci = tokens.pipeline();
        var name = "bench-gate-" + Long.toString(System.currentTimeMillis(), 36);
        var registered = Http.post(gateway + "/api/v1/services", rhea, Map.of("name", name, "repository",
                "bench/" + name, "defaultBranch", "main", "webhookSecret",
                HexFormat.of().formatHex(SecureRandom.getSeed(16)), "environments", List.of(Map.of("name",
                        "production", "order", 1, "requiresApproval", true, "deployTarget",
                        Map.of("type", "webhook", "url", "http://127.0.0.1:9/unused")))));
        if (registered.status() != 201) {
            throw new IllegalStateException("cannot register " + name + ": " + registered.raw());
        }
        var delays = new double[n];
        for (int i = 0; i < n + 5; i++) { // the first 5 warm up
            var sha = String.format("%040x", 0x6A7E000000L + i);
            var opened = Http.post(gateway + "/api/v1/gates", ci, Map.of("service", name, "environment", "production",
                    "commitSha", sha, "runUrl", "https://ci.example/" + name + "/runs/" + i, "actor", "bench-bot"));
            if (opened.status() != 201) {
                if (opened.status() == 422 && i == 0) { // the catalog reaches release-service by an event: again
                    Thread.sleep(500);
                    i--;
                    continue;
                }
                throw new IllegalStateException("gate refused: " + opened.status() + " " + opened.raw());
            }
            var gate = gateway + "/api/v1/gates/" + opened.body().path("id").asString();
            String change = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (change == null && System.nanoTime() < deadline) {
                var read = Http.get(gate, ci).body().path("changeId");
                change = read.isMissingNode() || read.isNull() ? null : read.asString();
                if (change == null) {
                    Thread.sleep(20);
                }
            }
            if (change == null) {
                throw new IllegalStateException("no change behind " + gate + " within 30 s");
            }
            var waiting = CompletableFuture.supplyAsync(() -> {
                var answer = Http.get(gate + "?wait=60", ci);
                return new long[] { System.nanoTime(), "ALLOWED".equals(answer.body().path("decision").asString())
                        ? 1 : 0 };
            });
            Thread.sleep(200); // the request is waiting
            var approved = Http.post(gateway + "/api/v1/changes/" + change + "/approve", alice, Map.of());
            long approvedAt = System.nanoTime();
            if (approved.status() != 200) {
                throw new IllegalStateException("approval refused: " + approved.raw());
            }
            var answered = waiting.get(60, TimeUnit.SECONDS);
            if (answered[1] != 1) {
                throw new IllegalStateException(gate + " was not answered ALLOWED");
            }
            if (i >= 5) {
                delays[i - 5] = (answered[0] - approvedAt) / 1e6;
            }
        }
        Arrays.sort(delays);
        return String.format(Locale.ROOT, "| approval accepted → waiting gate answered (%d gates, each long-polled"
                + " through the gateway while a change manager approves) | p50 %.1f ms · p99 %.1f ms · max %.1f ms |",
                n, GoldenPathBenchmark.percentile(delays, 50), GoldenPathBenchmark.percentile(delays, 99),
                delays[n - 1]);
    }
}
