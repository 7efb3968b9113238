package io.passerelle.bench;

import java.util.ArrayList;
import java.util.List;

import io.passerelle.testkit.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class GateBreakdownTest {

    /** A gate's spans as Zipkin returns them (timestamps and durations in µs), the publish/handle pairs linked. */
    private static List<JsonNode> trace() {
        var spans = new ArrayList<JsonNode>();
        spans.add(span("g", null, "gateway", "SERVER", "http post /webhooks/github", 1_000, 9_000));
        spans.add(span("w", "g", "integration-service", "SERVER", "http post /webhooks/github", 2_000, 6_000));
        long at = 10_000;
        int n = 0;
        String parent = "w";
        for (var type : GateBreakdown.EVENTS) {
            var publish = "p" + n;
            var handle = "h" + n;
            spans.add(span(publish, parent, "x", "PRODUCER", "publish " + type, at + 1_000, 2_000));
            spans.add(span(handle, publish, "consumer-" + n, "CONSUMER", "handle " + type, at + 2_000, 3_000));
            parent = handle;
            at += 5_000;
            n++;
        }
        spans.add(span("d", parent, "integration-service", "CLIENT", "http post", at + 4_000, 1_000));
        return spans;
    }

    @Test
    void a_gate_is_cut_into_consecutive_hops_that_add_up_to_its_traced_latency() {
        var cut = GateBreakdown.cut(trace()).orElseThrow();

        assertThat(cut.keySet()).first().isEqualTo("gateway and integration-service answer the webhook");
        assertThat(cut).containsEntry("gateway and integration-service answer the webhook", 7.0)
                .containsEntry("outbox relay picks up pipeline.succeeded.v1 after commit", 3.0)
                .containsEntry("broker delivers pipeline.succeeded.v1 to consumer-0", 1.0)
                .containsEntry("consumer-0 handles pipeline.succeeded.v1 (transaction)", 3.0)
                .containsEntry("outbox relay picks up deployment.planned.v1 after commit", 1.0)
                .containsEntry("dispatch worker picks up the deployment and calls the target", 4.0);
        assertThat(cut).hasSize(2 + 3 * GateBreakdown.EVENTS.size());
        assertThat(cut.values().stream().mapToDouble(Double::doubleValue).sum())
                .as("from the gateway's first byte to the deploy call").isEqualTo((30_000 + 4_000 - 1_000) / 1000.0);
    }

    @Test
    void a_trace_without_its_deploy_call_is_not_cut() {
        var spans = trace();
        spans.removeIf(span -> span.path("kind").asString().equals("CLIENT"));

        assertThat(GateBreakdown.cut(spans)).isEmpty();
    }

    private static JsonNode span(String id, String parent, String service, String kind, String name, long start,
            long duration) {
        var span = Http.JSON.createObjectNode();
        span.put("id", id);
        if (parent != null) {
            span.put("parentId", parent);
        }
        span.put("kind", kind);
        span.put("name", name);
        span.put("timestamp", start);
        span.put("duration", duration);
        span.putObject("localEndpoint").put("serviceName", service);
        return span;
    }
}
