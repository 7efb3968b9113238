package io.passerelle.bench;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.passerelle.testkit.DeployTarget;
import io.passerelle.testkit.GitHub;
import io.passerelle.testkit.Http;
import io.passerelle.testkit.Tokens;

/**
 * The deploy edge's callback path (ADR 0014), as a deploy target and the rest of Passerelle see it. Deployments of one
 * service are sent to a target that answers 202 and leaves the report to the benchmark ({@code /manual}); each is then
 * reported SUCCEEDED as a target does: {@code POST /api/v1/executors/webhook/deployments/{id}/outcome} through the
 * gateway, a pipeline token, HMAC-SHA256 over the timestamp and the body keyed by the deployment's callback token.
 * Measured per callback, from just before the call:
 * <ul>
 * <li>the HTTP call: what the target waits for (gateway, token, signature, replay and deadline checks, the dispatch
 * settled and the outcome event stored in one commit);</li>
 * <li>{@code deployment.outcome-reported.v1} (integration-service) and then {@code deployment.succeeded.v1}
 * (release-service applied the outcome: the deployment is SUCCEEDED, committed) arriving at a queue of the
 * benchmark's own, bound to the events exchange like any consumer's.</li>
 * </ul>
 * One at a time (each waits for its succeeded event), then a burst reported together by eight senders. At the end
 * every deployment must read SUCCEEDED through the API, or the measure fails.
 */
final class CallbackPath implements AutoCloseable {

    private static final String EXCHANGE = "passerelle.events";
    private static final String OUTCOME = "deployment.outcome-reported.v1";
    private static final String SUCCEEDED = "deployment.succeeded.v1";
    private static final int WARM_UP = 10;
    private static final int SENDERS = 8;

    /** A deployment waiting for its report: where the target reports it and with which credential. */
    private record Pending(String deploymentId, String callbackToken) {
    }

    /** One callback's times in ms from just before its call; {@code attempts} > 1 after a 429 or a 5xx. */
    private record Timing(double call, double outcomeEvent, double succeededEvent, int attempts) {
    }

    private final String gateway;
    private final Connection connection;
    private final Map<String, Long> outcomeAt = new ConcurrentHashMap<>();
    private final Map<String, Long> succeededAt = new ConcurrentHashMap<>();

    private CallbackPath(String gateway, String vhost) throws IOException, java.util.concurrent.TimeoutException {
        this.gateway = gateway;
        var factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setVirtualHost(vhost);
        connection = factory.newConnection("passerelle-bench");
        Channel channel = connection.createChannel();
        // an exclusive, auto-deleted queue of the benchmark's own: it takes a copy, no service's queue is touched
        var queue = channel.queueDeclare().getQueue();
        channel.queueBind(queue, EXCHANGE, OUTCOME);
        channel.queueBind(queue, EXCHANGE, SUCCEEDED);
        channel.basicConsume(queue, true, new DefaultConsumer(channel) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                long at = System.nanoTime();
                var id = Http.JSON.readTree(body).path("data").path("deploymentId").asString();
                (envelope.getRoutingKey().equals(OUTCOME) ? outcomeAt : succeededAt).putIfAbsent(id, at);
            }
        });
    }

    /** The Markdown rows: {@code runs} callbacks one at a time, then {@code burst} at once. */
    static List<String> measure(String gateway, String vhost, Tokens tokens, int runs, int burst) throws Exception {
        try (var path = new CallbackPath(gateway, vhost); var target = new DeployTarget(tokens)) {
            return path.run(tokens, target, runs, burst);
        }
    }

    private List<String> run(Tokens tokens, DeployTarget target, int runs, int burst) throws Exception {
        var rhea = tokens.user("rhea");
        var name = "bench-cb-" + Long.toString(System.currentTimeMillis(), 36);
        var secret = HexFormat.of().formatHex(SecureRandom.getSeed(16));
        StagingService.register(gateway, rhea, target, "/manual", name, secret);
        var pending = awaitDeployRequests(target, name, secret, WARM_UP + runs + burst);

        var one = new ArrayList<Timing>();
        for (int i = 0; i < WARM_UP + runs; i++) {
            var timing = report(target, pending.get(i));
            if (i >= WARM_UP) {
                one.add(timing);
            }
        }
        var load = GoldenPathBenchmark.loadAverage();

        Thread.sleep(5_000); // the gateway's per-client bucket refills (API: 50/s, bursts of 200)
        var senders = Executors.newFixedThreadPool(SENDERS);
        var together = new ArrayList<java.util.concurrent.Future<Timing>>();
        long start = System.nanoTime();
        for (var deployment : pending.subList(WARM_UP + runs, pending.size())) {
            together.add(senders.submit(() -> report(target, deployment)));
        }
        var inBurst = new ArrayList<Timing>();
        for (var future : together) {
            inBurst.add(future.get(5, TimeUnit.MINUTES));
        }
        long lastSucceeded = pending.subList(WARM_UP + runs, pending.size()).stream()
                .mapToLong(p -> succeededAt.get(p.deploymentId())).max().orElse(start);
        senders.shutdown();
        var burstLoad = GoldenPathBenchmark.loadAverage();
        awaitAllSucceeded(rhea, name, pending.size());

        int retried = inBurst.stream().mapToInt(t -> t.attempts() - 1).sum();
        double seconds = (lastSucceeded - start) / 1e9;
        return List.of(
                row("signed callback through the gateway, one at a time (" + runs + " callbacks; load " + load
                        + "): the HTTP call the target waits for", one, Timing::call, ""),
                row("callback → deployment.outcome-reported.v1 delivered (integration-service), one at a time", one,
                        Timing::outcomeEvent, ""),
                row("callback → deployment.succeeded.v1 delivered (release-service applied it: SUCCEEDED), one at a"
                        + " time", one, Timing::succeededEvent, ""),
                row("burst of " + burst + " signed callbacks, " + SENDERS + " senders (load " + burstLoad
                        + "): the HTTP call", inBurst, Timing::call, "; " + retried + " sent again after a 429 or 5xx"),
                row("burst: callback → deployment.succeeded.v1 delivered", inBurst, Timing::succeededEvent,
                        String.format(Locale.ROOT, "; all %d SUCCEEDED in %.1f s (%.0f/s)", burst, seconds,
                                burst / seconds)));
    }

    /** Sends the pipelines, and waits until the target holds a deploy request for each: the deployments to report. */
    private List<Pending> awaitDeployRequests(DeployTarget target, String name, String secret, int count)
            throws InterruptedException {
        var senders = Executors.newFixedThreadPool(4);
        for (int i = 0; i < count; i++) {
            long n = i;
            senders.submit(() -> GitHub.deliver(gateway, GitHub.workflowRun("bench/" + name, "main",
                    String.format("%040x", 0xCA11BAC000L + n), 600_000 + n), secret, GitHub.newDeliveryId()));
        }
        senders.shutdown();
        senders.awaitTermination(5, TimeUnit.MINUTES);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        var pending = new LinkedHashMap<String, Pending>();
        while (pending.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(pending.size() + " of " + count + " deploy requests within 3 min");
            }
            Thread.sleep(100);
            target.callsFor(name).stream().filter(DeployTarget.Call::accepted).forEach(c -> pending
                    .putIfAbsent(c.deploymentId(), new Pending(c.deploymentId(), c.callbackToken())));
        }
        return List.copyOf(pending.values());
    }

    /**
     * Reports one deployment SUCCEEDED as a target does (a 429 or a 5xx: again, a new delivery, after a pause) and
     * waits for both events.
     */
    private Timing report(DeployTarget target, Pending deployment) throws InterruptedException {
        var callback = gateway + "/api/v1/executors/webhook/deployments/" + deployment.deploymentId() + "/outcome";
        long start = System.nanoTime();
        long answered;
        int attempts = 0;
        while (true) {
            attempts++;
            long sent = System.nanoTime();
            var response = target.report(callback, deployment.callbackToken(), "SUCCEEDED");
            answered = System.nanoTime() - sent;
            if (response.status() == 200) {
                break;
            }
            if ((response.status() != 429 && response.status() < 500) || attempts == 10) {
                throw new IllegalStateException("callback for " + deployment.deploymentId() + " answered "
                        + response.status() + " " + response.raw());
            }
            Thread.sleep(100L << Math.min(attempts, 5));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!succeededAt.containsKey(deployment.deploymentId()) || !outcomeAt.containsKey(deployment.deploymentId())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no " + SUCCEEDED + " for " + deployment.deploymentId() + " in 60 s");
            }
            Thread.sleep(0, 200_000);
        }
        return new Timing(answered / 1e6, (outcomeAt.get(deployment.deploymentId()) - start) / 1e6,
                (succeededAt.get(deployment.deploymentId()) - start) / 1e6, attempts);
    }

    private void awaitAllSucceeded(String token, String service, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            var states = new ArrayList<String>();
            Http.get(gateway + "/api/v1/deployments?service=" + service, token).body()
                    .forEach(d -> states.add(d.path("state").asString()));
            if (states.size() == count && states.stream().allMatch("SUCCEEDED"::equals)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(service + ": " + states.size() + " deployments, not all SUCCEEDED");
            }
            Thread.sleep(200);
        }
    }

    private static String row(String what, List<Timing> timings, ToDoubleFunction<Timing> of, String more) {
        var sorted = timings.stream().mapToDouble(of).sorted().toArray();
        return String.format(Locale.ROOT, "| %s | p50 %.1f ms · p99 %.1f ms · max %.1f ms%s |", what,
                GoldenPathBenchmark.percentile(sorted, 50), GoldenPathBenchmark.percentile(sorted, 99),
                sorted[sorted.length - 1], more);
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
