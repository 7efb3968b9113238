package io.passerelle.bench;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.passerelle.testkit.Http;
import io.passerelle.testkit.Tokens;

/**
 * Alert → incident with suspects, on the stack, with 1 000 000 deployments in incident-service's projection
 * (bench/sql/suspects-seed.sql, written by infra/bin/bench just before, with the synthetic services catalogued in
 * integration-service by bench/sql/alert-catalog.sql so that their alerts are attributed): an Alertmanager
 * notification of one firing alert of a random synthetic service and environment is posted through the gateway with
 * the monitoring client's token, and the delay runs until {@code incident.opened.v1} of that fingerprint, with its
 * suspects, reaches a queue of the benchmark's own bound to the exchange. In between: integration-service verifies the
 * token, attributes the alert from its catalog and writes {@code alert.fired.v1} to its outbox; the relay publishes it
 * with a confirm; incident-service's inbox takes it, computes the suspects among the 1 000 000 deployments, stores the
 * incident and writes {@code incident.opened.v1}; its relay publishes that. One alert at a time; each is cleared
 * afterwards (a resolved notification) so that no bench incident stays open.
 */
final class AlertToIncident implements AutoCloseable {

    static final int ALERTS = 200;
    static final int WARM_UP = 20;
    private static final String EXCHANGE = "passerelle.events";
    private static final String OPENED = "incident.opened.v1";
    private static final List<String> ENVIRONMENTS = List.of("dev", "staging", "production", "production-eu");

    /** When incident.opened.v1 arrived, and with how many suspects. */
    private record Opened(long at, int suspects) {
    }

    private final com.rabbitmq.client.Connection connection;
    private final Map<String, Opened> opened = new ConcurrentHashMap<>();

    private AlertToIncident(String vhost) throws IOException, java.util.concurrent.TimeoutException {
        var factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setVirtualHost(vhost);
        connection = factory.newConnection("passerelle-bench-alerts");
        var channel = connection.createChannel();
        // an exclusive, auto-deleted queue of the benchmark's own: a copy of each incident.opened.v1, no service's
        var queue = channel.queueDeclare().getQueue();
        channel.queueBind(queue, EXCHANGE, OPENED);
        channel.basicConsume(queue, true, new DefaultConsumer(channel) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                long at = System.nanoTime();
                var data = Http.JSON.readTree(body).path("data");
                opened.putIfAbsent(data.path("fingerprint").asString(), new Opened(at, data.path("suspects").size()));
            }
        });
    }

    public static void main(String[] args) throws Exception {
        var stack = System.getenv().getOrDefault("PASSERELLE_STACK", "dev");
        int offset = stack.equals("e2e") ? 10_000 : 0;
        var gateway = "http://127.0.0.1:" + (8080 + offset);
        var monitoring = new Tokens("http://127.0.0.1:" + (8180 + offset)).monitoring();
        try (var bench = new AlertToIncident(stack.equals("e2e") ? "passerelle-e2e" : "/")) {
            System.out.println(bench.measure(gateway + "/webhooks/alertmanager", monitoring));
        }
    }

    private String measure(String webhook, String monitoring) throws Exception {
        var random = new SplittableRandom(42);
        var run = Long.toString(System.currentTimeMillis(), 36);
        var delays = new double[ALERTS];
        long suspects = 0;
        for (int i = -WARM_UP; i < ALERTS; i++) {
            var service = String.format(Locale.ROOT, "bench-sus-%03d", 1 + random.nextInt(250));
            var environment = ENVIRONMENTS.get(random.nextInt(ENVIRONMENTS.size()));
            var fingerprint = "bench-" + run + "-" + (i + WARM_UP);
            var startsAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            long sent = System.nanoTime();
            var answer = Http.post(webhook, monitoring, notification("firing", fingerprint, service, environment,
                    startsAt, null));
            if (answer.status() != 202 || answer.body().path("accepted").asInt() != 1
                    || answer.body().path("unattributed").asInt() != 0) {
                throw new IllegalStateException("the alert of " + service + "/" + environment + " was not taken as"
                        + " attributed: " + answer.status() + " " + answer.raw());
            }
            var incident = await(fingerprint);
            if (i >= 0) {
                delays[i] = (incident.at() - sent) / 1e6;
                suspects += incident.suspects();
            }
            var cleared = Http.post(webhook, monitoring, notification("resolved", fingerprint, service, environment,
                    startsAt, Instant.now().truncatedTo(ChronoUnit.MILLIS)));
            if (cleared.status() != 202) {
                throw new IllegalStateException("the resolved notification was refused: " + cleared.raw());
            }
        }
        if (suspects == 0) {
            throw new IllegalStateException("no incident had a suspect: is the suspects seed in place?");
        }
        Arrays.sort(delays);
        return String.format(Locale.ROOT, "| alert → incident with suspects: an Alertmanager notification through the"
                + " gateway → incident.opened.v1 with its suspects on the bus, 1 000 000 deployments stored (%d alerts"
                + " one at a time, %d suspects each on average; load %s) | p50 %.1f ms · p99 %.1f ms · max %.1f ms |",
                ALERTS, suspects / ALERTS, GoldenPathBenchmark.loadAverage(),
                GoldenPathBenchmark.percentile(delays, 50), GoldenPathBenchmark.percentile(delays, 99),
                delays[ALERTS - 1]);
    }

    private Opened await(String fingerprint) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            var found = opened.get(fingerprint);
            if (found != null) {
                return found;
            }
            Thread.sleep(1);
        }
        throw new IllegalStateException("no incident.opened.v1 for alert " + fingerprint + " within 30 s");
    }

    /** Alertmanager's webhook (version 4) with one alert, labelled as the default label rules read them. */
    private static Map<String, Object> notification(String status, String fingerprint, String service,
            String environment, Instant startsAt, Instant endsAt) {
        var labels = Map.of("alertname", "BenchErrorRate", "service", service, "environment", environment,
                "severity", "critical");
        var alert = new java.util.LinkedHashMap<String, Object>();
        alert.put("status", status);
        alert.put("labels", labels);
        alert.put("annotations", Map.of("summary", "bench: error rate of " + service));
        alert.put("startsAt", startsAt.toString());
        alert.put("endsAt", endsAt == null ? "0001-01-01T00:00:00Z" : endsAt.toString());
        alert.put("generatorURL", "http://prometheus.example/graph");
        alert.put("fingerprint", fingerprint);
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("version", "4");
        body.put("groupKey", "{}:{alertname=\"BenchErrorRate\"}");
        body.put("truncatedAlerts", 0);
        body.put("status", status);
        body.put("receiver", "passerelle");
        body.put("groupLabels", Map.of("alertname", "BenchErrorRate"));
        body.put("commonLabels", labels);
        body.put("commonAnnotations", Map.of());
        body.put("externalURL", "http://alertmanager.example");
        body.put("alerts", new ArrayList<>(List.of(alert)));
        return body;
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
