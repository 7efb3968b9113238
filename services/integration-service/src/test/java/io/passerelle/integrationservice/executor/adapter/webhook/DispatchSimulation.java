package io.passerelle.integrationservice.executor.adapter.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.passerelle.integrationservice.catalog.CatalogedService;
import io.passerelle.integrationservice.catalog.port.CatalogedServices;
import io.passerelle.integrationservice.executor.AttemptDispatch;
import io.passerelle.integrationservice.executor.CallOutcome;
import io.passerelle.integrationservice.executor.Claim;
import io.passerelle.integrationservice.executor.CallSecrets;
import io.passerelle.integrationservice.executor.Decision;
import io.passerelle.integrationservice.executor.DeployCall;
import io.passerelle.integrationservice.executor.ExecutorRegistry;
import io.passerelle.integrationservice.executor.RecordedDispatch;
import io.passerelle.integrationservice.executor.Target;
import io.passerelle.integrationservice.executor.TestClaims;
import io.passerelle.integrationservice.executor.Watch;
import io.passerelle.integrationservice.executor.WatchPolicy;
import io.passerelle.integrationservice.executor.port.Executor;
import io.passerelle.integrationservice.executor.DeploymentOutcomeReported;
import io.passerelle.integrationservice.executor.DeploymentOutcome;
import io.passerelle.integrationservice.executor.DeploymentRequest;
import io.passerelle.integrationservice.executor.RetryPolicy;
import io.passerelle.integrationservice.executor.port.Dispatches;
import io.passerelle.platform.crypto.SecretSealer;
import io.passerelle.platform.event.DomainEvent;
import io.passerelle.platform.event.EventPublisher;
import io.passerelle.platform.outbound.OutboundAllowList;
import io.passerelle.platform.outbound.OutboundGuard;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.convert.DurationStyle;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dispatcher against one deploy target, in simulated time: the real {@link WebhookDeployTarget} (outbound guard,
 * circuit breaker, attempt counting), {@link AttemptDispatch} and {@link RetryPolicy}, over an in-memory dispatch
 * outbox with the SQL adapter's rules (due rows by due time, leases as fencing tokens) and a transport that fails a
 * given share of calls with 503, drawn from a seed. Each round claims what the free call slots allow at the current
 * time, makes those calls, advances the clock by the call latency and records the outcomes, as the worker does with
 * its slots; between rounds the clock jumps to the next arrival or due time. Deterministic for a seed.
 */
final class DispatchSimulation {

    static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
    static final Duration LATENCY = Duration.ofMillis(50);

    /** A count-based Resilience4j breaker, as configured under {@code resilience4j.circuitbreaker.configs}. */
    record Breaker(int windowSize, int minimumCalls, float failureRateThreshold, Duration waitInOpenState,
            int halfOpenCalls) {

        /** The breaker before issue 5: it kept a half-failing target's breaker open. */
        static final Breaker FORMER = new Breaker(10, 5, 50, Duration.ofSeconds(30), 2);

        CircuitBreakerConfig config(Clock clock) {
            return CircuitBreakerConfig.custom()
                    .slidingWindow(windowSize, minimumCalls, CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                    .failureRateThreshold(failureRateThreshold)
                    .waitDurationInOpenState(waitInOpenState)
                    .permittedNumberOfCallsInHalfOpenState(halfOpenCalls)
                    // automatic transition runs on a real-time scheduler; in simulated time the breaker moves to
                    // half-open when the next call asks after the wait, which is the same moment for this purpose
                    .automaticTransitionFromOpenToHalfOpenEnabled(false)
                    .recordExceptions(TargetUnavailableException.class, IOException.class)
                    .clock(clock)
                    .build();
        }
    }

    /** The retry policy and the dispatcher's slots. */
    record Dispatcher(int maxAttempts, Duration backoff, Duration maxBackoff, Duration giveUpAfter, int concurrency) {
    }

    /** @param wait from request to dispatched, for the deployments dispatched */
    record Figures(int deployments, int dispatched, int failedOnOwnCalls, int failedWithFewerCalls, int calls,
            int mostCallsForOne, int refusedByBreaker, int opened, Duration openFor, Duration waitMedian,
            Duration waitP95, Duration waitMax, Duration allSettledAfter, List<String> failureReasons) {

        @Override
        public String toString() {
            return String.format("%d deployments: %d dispatched, %d failed after all their calls, %d failed with"
                    + " fewer; %d calls (at most %d for one), %d refused by the breaker, opened %d times (%ds open);"
                    + " wait p50 %.1fs p95 %.1fs max %.1fs; all settled after %ds", deployments, dispatched,
                    failedOnOwnCalls, failedWithFewerCalls, calls, mostCallsForOne, refusedByBreaker, opened,
                    openFor.toSeconds(),
                    waitMedian.toMillis() / 1000.0, waitP95.toMillis() / 1000.0, waitMax.toMillis() / 1000.0,
                    allSettledAfter.toSeconds());
        }
    }

    private DispatchSimulation() {
    }

    /** The breaker and retry settings integration-service ships (its application.yaml). */
    static Breaker shippedBreaker() {
        var config = section(shippedYaml(), "resilience4j", "circuitbreaker", "configs", "deploy-target");
        if (!"COUNT_BASED".equals(config.get("sliding-window-type"))) {
            throw new IllegalStateException("the simulation models a count-based window");
        }
        return new Breaker((Integer) config.get("sliding-window-size"), (Integer) config.get("minimum-number-of-calls"),
                ((Number) config.get("failure-rate-threshold")).floatValue(),
                DurationStyle.detectAndParse(config.get("wait-duration-in-open-state").toString()),
                (Integer) config.get("permitted-number-of-calls-in-half-open-state"));
    }

    static Dispatcher shippedDispatcher() {
        var executor = section(shippedYaml(), "passerelle", "executor");
        return new Dispatcher((Integer) executor.get("max-attempts"),
                DurationStyle.detectAndParse(executor.get("backoff").toString()),
                DurationStyle.detectAndParse(executor.get("max-backoff").toString()),
                DurationStyle.detectAndParse(executor.get("give-up-after").toString()),
                (Integer) executor.get("concurrency"));
    }

    /**
     * {@code deployments} requested one every {@code interval} to one target that fails {@code failureRate} of its
     * calls; runs until every dispatch is DISPATCHED or FAILED.
     */
    static Figures run(Breaker breaker, Dispatcher dispatcher, int deployments, Duration interval, double failureRate,
            long seed) {
        var clock = new SimulatedClock(T0);
        var registry = CircuitBreakerRegistry.of(Map.of(TargetBreakers.CONFIG, breaker.config(clock)));
        var open = new BreakerLog(clock);
        registry.getEventPublisher().onEntryAdded(added -> open.watch(added.getAddedEntry()));
        var outbox = new InMemoryDispatches();
        var events = new Outcomes();
        var random = new SplittableRandom(seed);
        var callsPer = new HashMap<UUID, Integer>();
        Transport halfFailing = (target, request) -> {
            callsPer.merge(UUID.fromString(request.headers().get(SignedDeployRequest.IDEMPOTENCY_KEY)), 1, Integer::sum);
            return random.nextDouble() < failureRate ? 503 : 202;
        };
        var guard = new OutboundGuard(OutboundAllowList.none(),
                host -> List.of(InetAddress.getByAddress(host, new byte[] { 93, (byte) 184, (byte) 215, 14 })));
        var target = new WebhookDeployTarget(JsonMapper.builder().build(), clock, guard,
                new TargetBreakers(registry, clock), halfFailing, new SimpleMeterRegistry());
        var sealer = new SecretSealer("dGVzdC1vbmx5LWtleS0zMi1ieXRlcy1sb25nLSEhISE=");
        var service = new CatalogedService("shop", "acme/shop", "main", sealer.seal("s3cret"), Instant.EPOCH, java.util.List.of("prod"));
        var policy = new RetryPolicy(dispatcher.maxAttempts(), dispatcher.backoff(), dispatcher.maxBackoff(),
                dispatcher.giveUpAfter());
        var attempt = new AttemptDispatch(new ExecutorRegistry(List.of(target)),
                new CallSecrets(new OneService(service), sealer), outbox, events, policy,
                new WatchPolicy(Duration.ofSeconds(2), 2.0, Duration.ofSeconds(30)), clock);

        var requested = new HashMap<UUID, Instant>();
        int arrived = 0;
        var limit = T0.plus(interval.multipliedBy(deployments)).plus(dispatcher.giveUpAfter()).plusSeconds(600);
        while (events.settled() < deployments) {
            if (clock.instant().isAfter(limit)) {
                throw new IllegalStateException("not settled by " + limit + ": " + events.settled() + " settled");
            }
            while (arrived < deployments && !T0.plus(interval.multipliedBy(arrived)).isAfter(clock.instant())) {
                var id = new UUID(seed, arrived++);
                requested.put(id, clock.instant());
                outbox.request(new DeploymentRequest(id, UUID.randomUUID(), "shop", "prod", "1.0." + arrived, "abc1234",
                        Target.webhook("https://deploy.example/hooks"), null), TestClaims.call(id, "shop", "prod"),
                        clock.instant());
            }
            var claims = outbox.claim(dispatcher.concurrency(), clock.instant(), Duration.ofMinutes(1));
            if (claims.isEmpty()) {
                var nextArrival = arrived < deployments ? T0.plus(interval.multipliedBy(arrived)) : Instant.MAX;
                var next = outbox.nextDue().filter(due -> due.isBefore(nextArrival)).orElse(nextArrival);
                clock.set(next.isAfter(clock.instant()) ? next : clock.instant().plusMillis(1));
                continue;
            }
            var outcomes = new ArrayList<Executor.Start>();
            claims.forEach(claim -> outcomes.add(attempt.call(claim)));
            clock.advance(LATENCY);
            for (int i = 0; i < claims.size(); i++) {
                var id = claims.get(i).deploymentId();
                attempt.settle(claims.get(i), outcomes.get(i)).ifPresent(d -> events.decided(id, d, clock.instant()));
            }
        }

        if (events.failuresPublished != events.failed.size()) {
            throw new IllegalStateException(events.failed.size() + " dispatches failed but " + events.failuresPublished
                    + " outcomes were published");
        }
        var waits = events.dispatched.stream()
                .map(d -> Duration.between(requested.get(d.deploymentId()), d.at()))
                .sorted().toList();
        int failedOnOwn = (int) events.failed.stream().filter(f -> f.attempts() == dispatcher.maxAttempts()).count();
        return new Figures(deployments, events.dispatched.size(), failedOnOwn, events.failed.size() - failedOnOwn,
                callsPer.values().stream().mapToInt(Integer::intValue).sum(),
                callsPer.values().stream().mapToInt(Integer::intValue).max().orElse(0), outbox.refusedByBreaker,
                open.opened,
                open.openFor(), percentile(waits, 50), percentile(waits, 95),
                waits.isEmpty() ? Duration.ZERO : waits.getLast(), Duration.between(T0, clock.instant()),
                events.failed.stream().map(Failed::reason).toList());
    }

    private static Duration percentile(List<Duration> sorted, int p) {
        return sorted.isEmpty() ? Duration.ZERO : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
    }

    private static Map<String, Object> shippedYaml() {
        try (InputStream in = DispatchSimulation.class.getResourceAsStream("/application.yaml")) {
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> yaml, String... path) {
        var node = yaml;
        for (var key : path) {
            node = (Map<String, Object>) node.get(key);
        }
        return node;
    }

    static final class SimulatedClock extends Clock {

        private Instant now;

        SimulatedClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** How often and how long the target's breaker was open. */
    private static final class BreakerLog {

        private final Clock clock;
        private int opened;
        private Duration openFor = Duration.ZERO;
        private @Nullable Instant openedAt;

        BreakerLog(Clock clock) {
            this.clock = clock;
        }

        void watch(CircuitBreaker breaker) {
            breaker.getEventPublisher().onStateTransition(event -> {
                var to = event.getStateTransition().getToState();
                if (to == CircuitBreaker.State.OPEN) {
                    opened++;
                    openedAt = clock.instant();
                } else if (openedAt != null) {
                    openFor = openFor.plus(Duration.between(openedAt, clock.instant()));
                    openedAt = null;
                }
            });
        }

        Duration openFor() {
            return openedAt == null ? openFor : openFor.plus(Duration.between(openedAt, clock.instant()));
        }
    }

    record Dispatched(UUID deploymentId, Instant at) {
    }

    record Failed(int attempts, String reason) {
    }

    /** What became of each deployment: the decisions recorded; the one event a failure publishes is checked. */
    private static final class Outcomes implements EventPublisher {

        final List<Dispatched> dispatched = new ArrayList<>();
        final List<Failed> failed = new ArrayList<>();
        int failuresPublished;

        void decided(UUID deploymentId, Decision decision, Instant at) {
            switch (decision) {
                case Decision.Dispatched d -> dispatched.add(new Dispatched(deploymentId, at));
                case Decision.Failed f -> failed.add(new Failed(f.attempts(), f.reason()));
                case Decision.Retry r -> { }
            }
        }

        @Override
        public void publish(DomainEvent event) {
            if (!(event instanceof DeploymentOutcomeReported reported)
                    || reported.outcome() != io.passerelle.integrationservice.executor.DeploymentOutcome.FAILED) {
                throw new IllegalArgumentException("unexpected " + event);
            }
            failuresPublished++;
        }

        int settled() {
            return dispatched.size() + failed.size();
        }
    }

    private record OneService(CatalogedService service) implements CatalogedServices {

        @Override
        public void register(CatalogedService s) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<CatalogedService> byName(String name) {
            return Optional.of(service).filter(s -> s.name().equals(name));
        }

        @Override
        public Optional<CatalogedService> byRepository(String repository) {
            return Optional.empty();
        }
    }

    /** The dispatch outbox in memory, with the rules of the SQL adapter. */
    private static final class InMemoryDispatches implements Dispatches {

        private static final class Row {
            final DeploymentRequest request;
            final Instant requestedAt;
            String state = "PENDING";
            int attempts;
            @Nullable String reason;
            @Nullable Instant nextAttemptAt;
            @Nullable Instant leaseUntil;

            Row(DeploymentRequest request, Instant at) {
                this.request = request;
                this.requestedAt = at;
                this.nextAttemptAt = at;
            }
        }

        private final Map<UUID, Row> rows = new HashMap<>();
        int refusedByBreaker;

        @Override
        public boolean request(DeploymentRequest request, DeployCall call, Instant at) {
            rows.put(request.deploymentId(), new Row(request, at));
            return true;
        }

        @Override
        public boolean refuse(DeploymentRequest request, String reason, Instant at) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Claim> claim(int limit, Instant now, Duration lease) {
            return rows.values().stream()
                    .filter(r -> r.state.equals("PENDING") && !r.nextAttemptAt.isAfter(now)
                            || r.state.equals("IN_FLIGHT") && r.leaseUntil.isBefore(now))
                    .sorted(Comparator.comparing((Row r) -> r.nextAttemptAt).thenComparing(r -> r.request.deploymentId()))
                    .limit(limit)
                    .map(r -> {
                        r.state = "IN_FLIGHT";
                        r.leaseUntil = now.plus(lease);
                        return TestClaims.webhook(r.request.deploymentId(), r.request.service(),
                                r.request.environment(), r.request.targetUrl(), r.attempts, r.reason, r.requestedAt,
                                r.leaseUntil);
                    })
                    .toList();
        }

        @Override
        public Optional<Instant> nextDue() {
            return rows.values().stream().filter(r -> r.state.equals("PENDING")).map(r -> r.nextAttemptAt)
                    .min(Comparator.naturalOrder());
        }

        @Override
        public boolean startAttempt(Claim claim, Instant at) {
            var row = held(claim);
            if (row == null) {
                return false;
            }
            row.attempts++;
            return true;
        }

        @Override
        public boolean settle(Claim claim, Decision decision, @Nullable String reference, @Nullable Instant checkAt,
                Instant at) {
            var row = held(claim);
            if (row == null) {
                return false;
            }
            if (decision instanceof Decision.Retry retry && retry.attempts() == claim.attempts()) {
                refusedByBreaker++;
            }
            row.state = switch (decision) {
                case Decision.Dispatched d -> "DISPATCHED";
                case Decision.Retry r -> "PENDING";
                case Decision.Failed f -> "FAILED";
            };
            row.attempts = decision.attempts();
            row.reason = switch (decision) {
                case Decision.Dispatched d -> null;
                case Decision.Retry r -> r.failures();
                case Decision.Failed f -> f.reason();
            };
            row.nextAttemptAt = decision instanceof Decision.Retry r ? r.nextAttemptAt() : null;
            row.leaseUntil = null;
            return true;
        }

        @Override
        public boolean recordOutcome(UUID deploymentId, DeploymentOutcome outcome, @Nullable String reason,
                @Nullable UUID deliveryId, Instant at) {
            throw new UnsupportedOperationException();
        }

        public Optional<RecordedDispatch> lockRecorded(UUID deploymentId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Watch> claimWatches(int limit, Instant now, Duration lease) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Instant> nextWatchDue() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean rewatch(Watch watch, String reference, Instant nextCheckAt, Instant at) {
            throw new UnsupportedOperationException();
        }

        private @Nullable Row held(Claim claim) {
            var row = rows.get(claim.deploymentId());
            return row != null && row.state.equals("IN_FLIGHT") && claim.leaseUntil().equals(row.leaseUntil) ? row
                    : null;
        }
    }
}
