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
 * 30-day range of its year, as a release manager; prints Markdown rows. Target: p99 under 50 ms per service-month.
 * Each service-month is also asked of release-service directly, in turns with the gateway: the difference is the
 * gateway's part (its token check, rate limit and forwarding of an answer of tens of kilobytes).
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
        var releaseService = "http://127.0.0.1:" + (8083 + offset);
        var rhea = new Tokens("http://127.0.0.1:" + (8180 + offset)).user("rhea");
        var random = new SplittableRandom(42);
        var now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var throughGateway = new double[SERVICE_MONTHS];
        var direct = new double[SERVICE_MONTHS];
        var figuresOnly = new double[SERVICE_MONTHS];
        long finished = 0;
        long bytes = 0;
        for (int i = -WARM_UP; i < SERVICE_MONTHS; i++) {
            var from = now.minus(Duration.ofDays(365)).plus(Duration.ofHours(random.nextInt(335 * 24)));
            var query = "/api/v1/metrics/dora?service=" + String.format(Locale.ROOT, "bench-dora-%03d",
                    1 + random.nextInt(100)) + "&from=" + encode(from) + "&to=" + encode(from.plus(Duration.ofDays(30)));
            // the same service-month through the gateway and from release-service itself, in turns first
            boolean gatewayFirst = (i & 1) == 0;
            var first = time((gatewayFirst ? gateway : releaseService) + query, rhea);
            var second = time((gatewayFirst ? releaseService : gateway) + query, rhea);
            var bare = time(gateway + query + "&listed=0", rhea);
            if (i >= 0) {
                figuresOnly[i] = bare.millis();
                throughGateway[i] = gatewayFirst ? first.millis() : second.millis();
                direct[i] = gatewayFirst ? second.millis() : first.millis();
                finished += first.answer().body().path("changeFailureRate").path("finishedDeployments").asLong();
                bytes += first.answer().raw().length();
            }
        }
        System.out.printf(Locale.ROOT, "| DORA figures, GET /api/v1/metrics/dora through the gateway, one service-month "
                + "with 1 000 000 deployments stored (%d random, %d finished deployments each on average; load %s) "
                + "| %s |%n", SERVICE_MONTHS, finished / SERVICE_MONTHS, GoldenPathBenchmark.loadAverage(),
                percentiles(throughGateway));
        System.out.printf(Locale.ROOT, "| DORA figures, GET /api/v1/metrics/dora from release-service itself (no gateway),"
                + " the same service-months, in turns with the row above (answers of %d kB on average) | %s |%n",
                bytes / SERVICE_MONTHS / 1000, percentiles(direct));
        System.out.printf(Locale.ROOT, "| DORA figures alone (`listed=0`: no deployments listed), through the gateway,"
                + " the same service-months | %s |%n", percentiles(figuresOnly));
    }

    private record Timed(Http.Response answer, double millis) {
    }

    private static Timed time(String url, String token) {
        long start = System.nanoTime();
        var answer = Http.get(url, token);
        double took = (System.nanoTime() - start) / 1e6;
        if (answer.status() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + answer.status() + " " + answer.raw());
        }
        return new Timed(answer, took);
    }

    private static String percentiles(double[] millis) {
        Arrays.sort(millis);
        return String.format(Locale.ROOT, "p50 %.1f ms · p99 %.1f ms · max %.1f ms",
                GoldenPathBenchmark.percentile(millis, 50), GoldenPathBenchmark.percentile(millis, 99),
                millis[millis.length - 1]);
    }

    private static String encode(Instant instant) {
        return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
    }
}
