package io.passerelle.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

import io.passerelle.testkit.Http;
import io.passerelle.testkit.Tokens;

/**
 * The DORA figures' endpoint with 1 000 000 deployments stored: {@code GET /api/v1/metrics/dora} through the gateway,
 * for one random synthetic service (bench/sql/dora-seed.sql, written by infra/bin/bench just before) and a random
 * 30-day range of its year, as a release manager; prints the Markdown row. Target: p99 under 50 ms per service-month.
 */
final class DoraQuery {

    static final int SERVICE_MONTHS = 500;
    static final int WARM_UP = 50;

    private DoraQuery() {
    }

    public static void main(String[] args) {
        var stack = System.getenv().getOrDefault("PASSERELLE_STACK", "dev");
        int offset = stack.equals("e2e") ? 10_000 : 0;
        var gateway = "http://127.0.0.1:" + (8080 + offset);
        var rhea = new Tokens("http://127.0.0.1:" + (8180 + offset)).user("rhea");
        var random = new SplittableRandom(42);
        var now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var millis = new double[SERVICE_MONTHS];
        long finished = 0;
        for (int i = -WARM_UP; i < SERVICE_MONTHS; i++) {
            var from = now.minus(Duration.ofDays(365)).plus(Duration.ofHours(random.nextInt(335 * 24)));
            var url = gateway + "/api/v1/metrics/dora?service=" + String.format(Locale.ROOT, "bench-dora-%03d",
                    1 + random.nextInt(100)) + "&from=" + encode(from) + "&to=" + encode(from.plus(Duration.ofDays(30)));
            long start = System.nanoTime();
            var answer = Http.get(url, rhea);
            double took = (System.nanoTime() - start) / 1e6;
            if (answer.status() != 200) {
                throw new IllegalStateException("GET " + url + " answered " + answer.status() + " " + answer.raw());
            }
            if (i >= 0) {
                millis[i] = took;
                finished += answer.body().path("changeFailureRate").path("finishedDeployments").asLong();
            }
        }
        Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "| DORA figures, GET /api/v1/metrics/dora through the gateway, one service-month "
                + "with 1 000 000 deployments stored (%d random, %d finished deployments each on average) "
                + "| p50 %.1f ms · p99 %.1f ms · max %.1f ms |%n", SERVICE_MONTHS, finished / SERVICE_MONTHS,
                millis[SERVICE_MONTHS / 2 - 1], millis[(int) Math.ceil(SERVICE_MONTHS * 0.99) - 1],
                millis[SERVICE_MONTHS - 1]);
    }

    private static String encode(Instant instant) {
        return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
    }
}
