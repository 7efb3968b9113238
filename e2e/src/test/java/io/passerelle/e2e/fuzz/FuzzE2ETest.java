package io.passerelle.e2e.fuzz;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import io.passerelle.e2e.SharedStack;
import io.passerelle.e2e.Stack;
import io.passerelle.testkit.Tokens;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fuzzing mode of the end-to-end suite. Requests generated from every operation of api-specs/openapi — each one
 * bent by a mutation of its body, parameters, headers, method, path or framing, and each one a call the stack must
 * refuse or may only acknowledge — go through the gateway of the real stack with the tokens of the roles the
 * operation admits (and some without). Asserted: no 5xx; every 4xx/5xx is problem+json with status, title and detail
 * and names no Java internals; every call the contract refuses gets a 4xx; no row written in any service schema;
 * nothing dead-lettered. Failures are printed as a histogram by (operation, mutation, status, content type) with an
 * example to replay, also written to e2e/target/fuzz-report.txt.
 *
 * <p>Switches (system properties, or the environment variables in brackets): {@code fuzz.requests} [FUZZ_REQUESTS]
 * how many (5 000 by default; {@code -Dfuzz.requests=100000} is the long run), {@code fuzz.seed} [FUZZ_SEED] the seed
 * (random and printed by default), {@code fuzz.only} [FUZZ_ONLY] the comma-separated indexes of requests to replay
 * alone, printing the bytes sent and the answer, {@code fuzz.threads} [FUZZ_THREADS] concurrent connections (4),
 * {@code fuzz.rate} [FUZZ_RATE] requests per second at most (90, under the gateway's limit per source address; 0: as
 * fast as the threads go). A 429 is sent again after its Retry-After, so that each request gets its own answer.
 */
@ExtendWith(SharedStack.class)
@Order(1) // first of the end-to-end classes, on the fresh stack (e2e/src/test/resources/junit-platform.properties)
class FuzzE2ETest {

    static final Path ROOT = Path.of(System.getenv().getOrDefault("PASSERELLE_ROOT", "..")).toAbsolutePath().normalize();
    static final int GATEWAY_PORT = 8080 + Stack.OFFSET;

    @Test
    void generated_bad_requests_are_refused_with_problem_json_and_write_nothing() throws Exception {
        long seed = Long.parseLong(setting("fuzz.seed", "FUZZ_SEED", String.valueOf(System.nanoTime() & 0xFFFF_FFFFL)));
        int requests = Integer.parseInt(setting("fuzz.requests", "FUZZ_REQUESTS", "5000"));
        int threads = Integer.parseInt(setting("fuzz.threads", "FUZZ_THREADS", "4"));
        double rate = Double.parseDouble(setting("fuzz.rate", "FUZZ_RATE", "90"));
        var only = setting("fuzz.only", "FUZZ_ONLY", "");
        List<Integer> indexes = only.isBlank() ? IntStream.range(0, requests).boxed().toList()
                : Arrays.stream(only.split(",")).map(String::trim).map(Integer::valueOf).toList();
        System.out.printf("Fuzzing: seed %d, %d requests, %d threads, at most %s/s (replay: -Dfuzz.seed=%d"
                + " -Dfuzz.requests=%d; one request: -Dfuzz.only=<index>)%n", seed, indexes.size(), threads,
                rate > 0 ? rate : "∞", seed, requests);

        var fixture = Fixture.create(Stack.GATEWAY, new Tokens(Stack.KEYCLOAK));
        var generator = new Generator(Operation.read(ROOT.resolve("api-specs/openapi")), fixture);
        var campaign = new Campaign(generator, fixture, new RawHttp("127.0.0.1", GATEWAY_PORT, 30_000),
                "127.0.0.1:" + GATEWAY_PORT, seed, rate, !only.isBlank());
        var before = Footprint.settled(fixture);
        long started = System.nanoTime();
        campaign.run(indexes, threads);
        var elapsed = Duration.ofNanos(System.nanoTime() - started);
        var written = before.differences(Footprint.settled(fixture));

        var findings = campaign.findings;
        var report = new StringBuilder();
        report.append(String.format("Fuzzing through %s: seed %d, %d requests in %.1f s (%.0f/s), %d threads%n",
                Stack.GATEWAY, seed, findings.requests(), elapsed.toMillis() / 1000.0,
                findings.requests() * 1000.0 / Math.max(1, elapsed.toMillis()), threads));
        report.append("Figures: ").append(findings.figures()).append('\n');
        report.append("Footprint: ").append(written.isEmpty() ? "no row written, nothing dead-lettered" : written).append('\n');
        report.append("Rate limited (429, sent again): ").append(campaign.rateLimited.get()).append('\n');
        report.append('\n').append(findings.histogram());
        if (written.stream().anyMatch(d -> d.startsWith("dead letters"))) {
            report.append("\nDead letters now held by the services (first 50 of each):\n");
            Footprint.letters(fixture).forEach((queue, letters) -> letters.forEach(letter -> report.append("  ")
                    .append(queue).append("  ").append(letter).append('\n')));
        }
        report.append(String.format("%nReplay: -Dfuzz.seed=%d -Dfuzz.requests=%d; one request with what was sent and"
                + " answered: -Dfuzz.seed=%d -Dfuzz.only=<index>%n", seed, requests, seed));
        System.out.println(report);
        if (only.isBlank()) {
            var file = ROOT.resolve("e2e/target/fuzz-report.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, report);
        }

        var softly = new SoftAssertions();
        softly.assertThat(findings.count(Findings.SERVER_ERROR)).as("answers 5xx (see the histogram above)").isZero();
        softly.assertThat(findings.count(Findings.NOT_PROBLEM) + findings.count(Findings.INCOMPLETE_PROBLEM))
                .as("errors that are not problem+json with status, title and detail").isZero();
        softly.assertThat(findings.count(Findings.NOT_REFUSED)).as("calls the contract refuses that were not refused").isZero();
        softly.assertThat(findings.count(Findings.LEAK)).as("errors naming Java classes or exceptions").isZero();
        softly.assertThat(findings.count(Findings.NO_ANSWER)).as("requests without an answer").isZero();
        softly.assertThat(written).as("rows written or messages dead-lettered by refused calls").isEmpty();
        softly.assertThat(campaign.broken).as("requests the fuzzer itself failed to generate or send").isEmpty();
        softly.assertThat(findings.requests()).as("requests sent").isEqualTo(indexes.size());
        softly.assertAll();
    }

    private static String setting(String property, String variable, String fallback) {
        var value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(variable);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
