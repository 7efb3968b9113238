package io.passerelle.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.passerelle.testkit.Http;
import tools.jackson.databind.JsonNode;

/**
 * Where the time of a gate goes, from the traces the stack exports to Zipkin ({@code make up TRACING=1}): each gate
 * run is one trace, cut into consecutive segments at the spans' edges — the webhook answered, then for each of the
 * four events on the way (pipeline.succeeded, deployment.planned, change.authorized, deployment.requested) the
 * relay's wait after the commit, the broker's delivery to the consumer and the consumer's transaction, then the wait
 * for the dispatch worker and the deploy call. The segments of a run add up to its gate latency as the traces see it.
 */
final class GateBreakdown {

    static final List<String> EVENTS = List.of("pipeline.succeeded.v1", "deployment.planned.v1",
            "change.authorized.v1", "deployment.requested.v1");

    private final String zipkin;
    private final Map<String, List<Double>> segments = new LinkedHashMap<>();
    private int traces;

    GateBreakdown(String zipkin) {
        this.zipkin = zipkin;
    }

    static boolean available(String zipkin) {
        try {
            return Http.get(zipkin + "/health", null).status() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Adds one gate run's trace; false when Zipkin does not hold it whole (yet). */
    boolean add(String traceId) {
        var spans = new ArrayList<JsonNode>();
        Http.get(zipkin + "/api/v2/trace/" + traceId, null).body().forEach(spans::add);
        var cut = cut(spans);
        if (cut.isEmpty()) {
            return false;
        }
        cut.get().forEach((name, millis) -> segments.computeIfAbsent(name, n -> new ArrayList<>()).add(millis));
        traces++;
        return true;
    }

    /** The segments of one trace, in order, in milliseconds; empty when a span is missing. */
    static Optional<Map<String, Double>> cut(List<JsonNode> spans) {
        var byId = new HashMap<String, JsonNode>();
        spans.forEach(s -> byId.put(s.path("id").asString(), s));
        var edge = find(spans, s -> service(s).equals("gateway") && kind(s).equals("SERVER"));
        var webhook = find(spans, s -> service(s).equals("integration-service") && kind(s).equals("SERVER"));
        if (edge.isEmpty() || webhook.isEmpty()) {
            return Optional.empty();
        }
        var cut = new LinkedHashMap<String, Double>();
        long at = start(edge.get());
        at = mark(cut, "gateway and integration-service answer the webhook", at, end(webhook.get()));
        for (var type : EVENTS) {
            var publish = find(spans, s -> s.path("name").asString().equals("publish " + type));
            if (publish.isEmpty()) {
                return Optional.empty();
            }
            var handle = find(spans, s -> s.path("name").asString().equals("handle " + type)
                    && publish.get().path("id").asString().equals(s.path("parentId").asString()));
            if (handle.isEmpty()) {
                return Optional.empty();
            }
            var consumer = service(handle.get());
            at = mark(cut, "outbox relay picks up " + type + " after commit", at, start(publish.get()));
            at = mark(cut, "broker delivers " + type + " to " + consumer, at, start(handle.get()));
            at = mark(cut, consumer + " handles " + type + " (transaction)", at, end(handle.get()));
        }
        var deploy = find(spans, s -> service(s).equals("integration-service") && kind(s).equals("CLIENT"));
        if (deploy.isEmpty()) {
            return Optional.empty();
        }
        mark(cut, "dispatch worker picks up the deployment and calls the target", at, start(deploy.get()));
        return Optional.of(cut);
    }

    private static long mark(Map<String, Double> cut, String name, long from, long to) {
        cut.put(name, Math.max(0, to - from) / 1000.0);
        return Math.max(from, to);
    }

    private static Optional<JsonNode> find(List<JsonNode> spans, java.util.function.Predicate<JsonNode> test) {
        return spans.stream().filter(test).min(java.util.Comparator.comparingLong(GateBreakdown::start));
    }

    private static String service(JsonNode span) {
        return span.path("localEndpoint").path("serviceName").asString();
    }

    private static String kind(JsonNode span) {
        return span.path("kind").asString();
    }

    private static long start(JsonNode span) {
        return span.path("timestamp").asLong();
    }

    private static long end(JsonNode span) {
        return start(span) + span.path("duration").asLong();
    }

    /** Markdown rows: the median and p95 of each segment, and their sum. */
    List<String> rows() {
        var rows = new ArrayList<String>();
        double total = 0;
        for (var entry : segments.entrySet()) {
            var values = entry.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double median = percentile(values, 50);
            total += median;
            rows.add(String.format(Locale.ROOT, "| hop: %s | p50 %.2f ms · p95 %.2f ms |", entry.getKey(), median,
                    percentile(values, 95)));
        }
        rows.add(String.format(Locale.ROOT, "| hops summed (medians, %d traced runs) | %.1f ms |", traces, total));
        return rows;
    }

    private static double percentile(double[] sorted, int p) {
        return sorted.length == 0 ? Double.NaN
                : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
