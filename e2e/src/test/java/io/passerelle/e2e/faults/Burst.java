package io.passerelle.e2e.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.passerelle.e2e.Stack;
import io.passerelle.testkit.GitHub;
import tools.jackson.databind.node.ObjectNode;

/**
 * Signed {@code workflow_run} deliveries through the gateway, spread evenly over a time. One that is not accepted (no
 * answer, 5xx, 429) is delivered again with the same {@code X-GitHub-Delivery}, as GitHub's redelivery does, after 1,
 * 2, 4 s (then every 5 s) for up to five minutes. Accepted: 202, or 409 to a redelivery (an
 * earlier attempt was accepted, its answer lost).
 */
final class Burst {

    static final Duration REDELIVER_FOR = Duration.ofMinutes(5);

    record Pipeline(String service, String repository, String secret, String sha, long runId, String deliveryId) {
    }

    /** @param answers the status of each attempt, -1 for no answer */
    record Delivery(Pipeline pipeline, boolean accepted, List<Integer> answers) {
    }

    private Burst() {
    }

    /** @param payload the delivery's body for a pipeline */
    static CompletableFuture<List<Delivery>> start(List<Pipeline> pipelines, Duration over,
            Function<Pipeline, ObjectNode> payload) {
        var senders = Executors.newScheduledThreadPool(4);
        var deliveries = new ArrayList<CompletableFuture<Delivery>>();
        for (int i = 0; i < pipelines.size(); i++) {
            var pipeline = pipelines.get(i);
            var delivered = new CompletableFuture<Delivery>();
            long at = over.toMillis() * i / pipelines.size();
            senders.schedule(() -> attempt(senders, pipeline, payload.apply(pipeline), System.nanoTime(),
                    new ArrayList<>(), 1_000, delivered), at, TimeUnit.MILLISECONDS);
            deliveries.add(delivered);
        }
        return CompletableFuture.allOf(deliveries.toArray(CompletableFuture[]::new))
                .thenApply(done -> deliveries.stream().map(CompletableFuture::join).toList())
                .whenComplete((done, error) -> senders.shutdown());
    }

    private static void attempt(ScheduledExecutorService senders, Pipeline pipeline, ObjectNode body, long since,
            List<Integer> answers, long waitMillis, CompletableFuture<Delivery> delivered) {
        int status;
        try {
            status = GitHub.deliver(Stack.GATEWAY, body, pipeline.secret(), pipeline.deliveryId()).status();
        } catch (RuntimeException e) { // no answer
            status = -1;
        }
        answers.add(status);
        boolean accepted = status == 202 || (status == 409 && answers.size() > 1);
        boolean again = status == -1 || status == 429 || status >= 500;
        if (accepted || !again || System.nanoTime() - since > REDELIVER_FOR.toNanos()) {
            delivered.complete(new Delivery(pipeline, accepted, List.copyOf(answers)));
            return;
        }
        senders.schedule(() -> attempt(senders, pipeline, body, since, answers, Math.min(waitMillis * 2, 5_000),
                delivered), waitMillis, TimeUnit.MILLISECONDS);
    }
}
