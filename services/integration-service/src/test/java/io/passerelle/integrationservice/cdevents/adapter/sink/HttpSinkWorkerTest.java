package io.passerelle.integrationservice.cdevents.adapter.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.observation.ObservationRegistry;
import io.passerelle.platform.outbound.DeliveryPolicy;
import io.passerelle.integrationservice.cdevents.port.CdEventDeliveries;
import io.passerelle.integrationservice.executor.FakeDeployTarget;
import io.passerelle.platform.crypto.HmacSha256;
import io.passerelle.platform.outbound.OutboundAllowList;
import io.passerelle.platform.outbound.OutboundGuard;
import io.passerelle.platform.outbound.PinnedHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One sink's deliveries over real HTTP on 127.0.0.1: CloudEvents binary mode with the sink's bearer token and
 * signature, retries at once for a sink that fails for a moment, later for one that stays down, none for a refusal
 * or an address the outbound guard does not admit.
 */
class HttpSinkWorkerTest {

    static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final Deliveries deliveries = new Deliveries();
    final PinnedHttpClient http = new PinnedHttpClient("CDEvents sinks", Duration.ofSeconds(2), Duration.ofSeconds(5),
            4, ObservationRegistry.NOOP);
    final OutboundGuard loopbackAllowed = new OutboundGuard(OutboundAllowList.parse(List.of("127.0.0.0/8")),
            host -> List.of(InetAddress.getByName(host)));
    final CdEventDeliveries.Delivery delivery = new CdEventDeliveries.Delivery(UUID.randomUUID(), "sink:tekton",
            "dev.cdevents.service.deployed.0.3.0", "/passerelle", "payments/production",
            Instant.parse("2026-11-30T09:59:59Z"), "{\"context\":{},\"subject\":{}}", 1);

    @AfterEach
    void close() throws Exception {
        http.close();
    }

    HttpSinkWorker worker(FakeDeployTarget target, OutboundGuard guard) {
        return new HttpSinkWorker(new HttpSink("tekton", target.url(), "t0ken", "s3cret"), deliveries, guard, http,
                new TransactionTemplate(new NoTransactions()), clock,
                new DeliveryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5), 10), Duration.ofMinutes(1),
                Duration.ofSeconds(1), 1);
    }

    @Test
    void a_cdevent_is_posted_in_binary_mode_with_the_sinks_token_and_signature() throws Exception {
        try (var target = new FakeDeployTarget(202)) {
            worker(target, loopbackAllowed).deliver(delivery);

            var received = target.received().getFirst();
            assertThat(received.header("ce-specversion")).isEqualTo("1.0");
            assertThat(received.header("ce-id")).isEqualTo(delivery.id().toString());
            assertThat(received.header("ce-type")).isEqualTo("dev.cdevents.service.deployed.0.3.0");
            assertThat(received.header("ce-source")).isEqualTo("/passerelle");
            assertThat(received.header("ce-subject")).isEqualTo("payments/production");
            assertThat(received.header("ce-time")).isEqualTo("2026-11-30T09:59:59Z");
            assertThat(received.header("Content-Type")).isEqualTo("application/json");
            assertThat(received.header("Authorization")).isEqualTo("Bearer t0ken");
            assertThat(new String(received.body(), StandardCharsets.UTF_8)).isEqualTo(delivery.body());
            var timestamp = received.header("X-Passerelle-Timestamp");
            assertThat(timestamp).isEqualTo(Long.toString(NOW.getEpochSecond()));
            assertThat(HmacSha256.verify("s3cret", (timestamp + "." + delivery.body()).getBytes(StandardCharsets.UTF_8),
                    received.header("X-Passerelle-Signature-256"))).isTrue();
            assertThat(deliveries.outcomes).containsEntry(delivery.id(), "delivered");
        }
    }

    @Test
    void a_sink_failing_for_a_moment_is_tried_again_at_once_and_receives_it() throws Exception {
        try (var target = new FakeDeployTarget(503, 429, 200)) {
            worker(target, loopbackAllowed).deliver(delivery);

            assertThat(target.received()).hasSize(3);
            assertThat(deliveries.outcomes).containsEntry(delivery.id(), "delivered");
        }
    }

    @Test
    void a_sink_that_stays_down_gets_it_again_later_and_blocks_nothing_meanwhile() throws Exception {
        try (var target = new FakeDeployTarget(503)) {
            worker(target, loopbackAllowed).deliver(delivery);

            assertThat(target.received()).hasSize(3);
            assertThat(deliveries.outcomes).containsEntry(delivery.id(), "retry at " + NOW.plusSeconds(1)
                    + ": the sink answered 503");
        }
    }

    @Test
    void a_refusal_fails_it_at_once_and_so_does_the_last_attempt() throws Exception {
        try (var target = new FakeDeployTarget(400)) {
            worker(target, loopbackAllowed).deliver(delivery);

            assertThat(target.received()).hasSize(1);
            assertThat(deliveries.outcomes).containsEntry(delivery.id(), "failed: the sink answered 400");
        }
        try (var target = new FakeDeployTarget(500)) {
            var last = new CdEventDeliveries.Delivery(UUID.randomUUID(), "sink:tekton", delivery.type(),
                    delivery.source(), delivery.subject(), delivery.time(), delivery.body(), 10);
            worker(target, loopbackAllowed).deliver(last);

            assertThat(deliveries.outcomes).containsEntry(last.id(), "failed: the sink answered 500");
        }
    }

    @Test
    void an_address_the_outbound_guard_does_not_admit_is_never_called() throws Exception {
        try (var target = new FakeDeployTarget(202)) {
            var guard = new OutboundGuard(OutboundAllowList.none(), host -> List.of(InetAddress.getByName(host)));
            worker(target, guard).deliver(delivery);

            assertThat(target.received()).isEmpty();
            assertThat(deliveries.outcomes.get(delivery.id())).startsWith("failed: refused by the outbound guard");
        }
    }

    /** The outbox as the worker records outcomes in it. */
    static final class Deliveries implements CdEventDeliveries {

        final Map<UUID, String> outcomes = new ConcurrentHashMap<>();

        @Override
        public List<Delivery> claim(String destination, int max, Instant now, Duration lease) {
            return List.of();
        }

        @Override
        public Optional<Instant> nextDue(String destination) {
            return Optional.empty();
        }

        @Override
        public void delivered(Delivery delivery, Instant at) {
            outcomes.put(delivery.id(), "delivered");
        }

        @Override
        public void retryAt(Delivery delivery, Instant at, String reason) {
            outcomes.put(delivery.id(), "retry at " + at + ": " + reason);
        }

        @Override
        public void failed(Delivery delivery, String reason) {
            outcomes.put(delivery.id(), "failed: " + reason);
        }

        @Override
        public int purgeDelivered(Instant before) {
            return 0;
        }
    }

    /** The worker's transactions, without a database. */
    static final class NoTransactions extends AbstractPlatformTransactionManager {

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }
}
