package io.passerelle.e2e.fuzz;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** One run: requests generated and sent by a few threads at a bounded rate, each answer judged into the findings. */
final class Campaign {

    private final Generator generator;
    private final Fixture fixture;
    private final RawHttp http;
    private final String authority;
    private final long seed;
    private final Pace pace;
    private final boolean verbose;
    final Findings findings = new Findings();
    /** Answers 429: each was sent again after its Retry-After, so that every request gets its own verdict. */
    final AtomicLong rateLimited = new AtomicLong();
    /** Requests the fuzzer failed to generate or send: a bug of the fuzzer, never of the stack. */
    final List<String> broken = Collections.synchronizedList(new java.util.ArrayList<>());

    Campaign(Generator generator, Fixture fixture, RawHttp http, String authority, long seed, double rate, boolean verbose) {
        this.generator = generator;
        this.fixture = fixture;
        this.http = http;
        this.authority = authority;
        this.seed = seed;
        this.pace = new Pace(rate);
        this.verbose = verbose;
    }

    void run(List<Integer> indexes, int threads) throws InterruptedException {
        try (var pool = Executors.newFixedThreadPool(threads)) {
            indexes.forEach(index -> pool.submit(() -> send(index)));
            pool.shutdown();
            if (!pool.awaitTermination(2, TimeUnit.HOURS)) {
                throw new IllegalStateException("the run did not end within two hours");
            }
        }
    }

    private void send(int index) {
        try {
            var draft = generator.generate(seed, index);
            var bytes = draft.bytes(authority, fixture::token);
            RawHttp.Response response = null;
            Exception error = null;
            for (int attempt = 0; attempt < 10; attempt++) {
                pace.await();
                try {
                    response = http.exchange(bytes);
                    error = null;
                } catch (IOException | RuntimeException e) {
                    error = e;
                }
                if (response == null || response.status() != 429 || attempt == 9) {
                    break;
                }
                rateLimited.incrementAndGet();
                Pace.sleep(retryAfter(response));
            }
            var found = findings.record(draft, response, error);
            if (verbose) {
                System.out.printf("#%d %s%n--- sent (%d bytes)%n%s%n--- answer%n%s%n--- judged: %s%n", index, draft.describe(),
                        bytes.length, Fuzz.printable(bytes, 4_000), response == null ? error : response.status() + " "
                                + response.headers() + "\n" + Fuzz.printable(response.body(), 4_000),
                        found.isEmpty() ? "fine" : found);
            }
            long done = findings.requests();
            if (done % 1000 == 0) {
                System.out.printf("  … %d requests%n", done);
            }
        } catch (RuntimeException e) {
            broken.add("#" + index + ": " + e);
        }
    }

    private static long retryAfter(RawHttp.Response response) {
        var value = response.headers().getOrDefault("retry-after", "1").trim();
        return value.matches("\\d{1,3}") ? Math.max(200, 1000 * Long.parseLong(value)) : 1000;
    }
}
