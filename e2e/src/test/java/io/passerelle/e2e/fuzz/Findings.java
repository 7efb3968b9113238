package io.passerelle.e2e.fuzz;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Judges each answer and keeps the histogram of what failed, by (operation, mutation, status, content type, failure),
 * with the first request of each bucket as an example to replay.
 */
final class Findings {

    static final String SERVER_ERROR = "5xx";
    static final String NOT_PROBLEM = "not problem+json";
    static final String INCOMPLETE_PROBLEM = "problem without status/title/detail";
    static final String NOT_REFUSED = "not refused";
    static final String LEAK = "names Java internals";
    static final String NO_ANSWER = "no answer";

    /** Class names, packages, stack frames and exception names: what a client must never read. */
    private static final Pattern INTERNALS = Pattern.compile(
            "\\b(java|javax|jakarta|tools\\.jackson|com\\.fasterxml|org\\.springframework|org\\.postgresql|io\\.passerelle|reactor|io\\.netty)\\.[a-z]"
                    + "|\\b[A-Z][A-Za-z]+(Exception|Error)\\b|\\$[A-Z][A-Za-z]+|\\.java:\\d+");

    record Key(String operation, String kind, String status, String contentType, String failure) {
    }

    record Example(int index, String request, String answer) {
    }

    private final Map<Key, AtomicLong> failures = new ConcurrentHashMap<>();
    private final Map<Key, Example> examples = new ConcurrentHashMap<>();
    /** Per bucket, how often each variant of the mutation (its detail, cut short) came up. */
    private final Map<Key, Map<String, AtomicLong>> variants = new ConcurrentHashMap<>();
    private final Map<String, Map<String, AtomicLong>> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> totals = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong refusedExpected = new AtomicLong();

    /** Judges one answer (null when none came) and records it. */
    List<String> record(Draft draft, RawHttp.@Nullable Response response, @Nullable Exception error) {
        requests.incrementAndGet();
        if (draft.mustRefuse) {
            refusedExpected.incrementAndGet();
        }
        var found = judge(draft, response);
        var status = response == null ? "-" : String.valueOf(response.status());
        answers.computeIfAbsent(draft.operation.id(), o -> new ConcurrentHashMap<>())
                .computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
        var contentType = response == null ? "-" : baseType(response.contentType());
        for (var failure : found) {
            totals.computeIfAbsent(failure, f -> new AtomicLong()).incrementAndGet();
            var key = new Key(draft.operation.id(), draft.kind, status, contentType, failure);
            failures.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
            variants.computeIfAbsent(key, k -> new ConcurrentHashMap<>())
                    .computeIfAbsent(Fuzz.readable(draft.detail, 70), d -> new AtomicLong()).incrementAndGet();
            examples.merge(key, new Example(draft.index, draft.describe(), response == null
                    ? String.valueOf(error) : Fuzz.printable(response.body(), 300)),
                    (a, b) -> a.index() <= b.index() ? a : b);
        }
        return found;
    }

    static List<String> judge(Draft draft, RawHttp.@Nullable Response response) {
        var found = new ArrayList<String>();
        if (response == null) {
            found.add(NO_ANSWER);
            return found;
        }
        int status = response.status();
        if (status >= 500) {
            found.add(SERVER_ERROR);
        }
        if (status >= 400) {
            if (!baseType(response.contentType()).equals("application/problem+json")) {
                found.add(NOT_PROBLEM);
            } else if (!complete(response)) {
                found.add(INCOMPLETE_PROBLEM);
            }
            if (INTERNALS.matcher(response.text()).find()) {
                found.add(LEAK);
            }
        } else if (draft.mustRefuse) {
            found.add(NOT_REFUSED);
        }
        return found;
    }

    private static boolean complete(RawHttp.Response response) {
        try {
            JsonNode problem = Fuzz.JSON.readTree(response.body());
            return problem.path("status").isIntegralNumber() && problem.path("status").asInt() == response.status()
                    && !problem.path("title").asString("").isBlank() && !problem.path("detail").asString("").isBlank();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String baseType(String contentType) {
        var base = contentType.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
        return base.isEmpty() ? "(none)" : base;
    }

    long requests() {
        return requests.get();
    }

    long count(String failure) {
        var total = totals.get(failure);
        return total == null ? 0 : total.get();
    }

    /** The histogram, biggest buckets first, each with its first example; then every answer by operation. */
    String histogram() {
        var text = new StringBuilder();
        if (failures.isEmpty()) {
            text.append("No failure.\n");
        } else {
            text.append(String.format("%7s  %-32s %-22s %-6s %-26s %s%n", "count", "operation", "mutation", "status",
                    "content type", "failure"));
            failures.entrySet().stream()
                    .sorted(Comparator.comparingLong((Map.Entry<Key, AtomicLong> e) -> -e.getValue().get())
                            .thenComparing(e -> e.getKey().toString()))
                    .forEach(e -> {
                        var key = e.getKey();
                        var example = examples.get(key);
                        text.append(String.format("%7d  %-32s %-22s %-6s %-26s %s%n", e.getValue().get(), key.operation(),
                                key.kind(), key.status(), key.contentType(), key.failure()));
                        text.append("         variants: ").append(variants(key)).append('\n');
                        text.append("         e.g. #").append(example.index()).append(' ').append(example.request()).append('\n');
                        text.append("              → ").append(example.answer()).append('\n');
                    });
        }
        text.append("\nAnswers by operation (status × count):\n");
        new TreeMap<>(answers).forEach((operation, statuses) -> {
            text.append(String.format("  %-32s", operation));
            new TreeMap<>(statuses).forEach((status, count) -> text.append(' ').append(status).append('×').append(count.get()));
            text.append('\n');
        });
        return text.toString();
    }

    /** The five most frequent variants of a bucket, with their counts. */
    private String variants(Key key) {
        var counts = variants.getOrDefault(key, Map.of());
        var top = counts.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, AtomicLong> e) -> -e.getValue().get())
                        .thenComparing(Map.Entry::getKey))
                .limit(5).map(e -> e.getKey() + " ×" + e.getValue().get()).toList();
        return String.join(" | ", top) + (counts.size() > 5 ? " | … (" + counts.size() + " variants)" : "");
    }

    /** The figures the issue's closing note asks for. */
    String figures() {
        return String.format("%d requests (%d that must be refused): %d answered 5xx, %d errors not problem+json, "
                        + "%d problems without status/title/detail, %d not refused, %d naming Java internals, %d without answer",
                requests.get(), refusedExpected.get(), count(SERVER_ERROR), count(NOT_PROBLEM), count(INCOMPLETE_PROBLEM),
                count(NOT_REFUSED), count(LEAK), count(NO_ANSWER));
    }
}
