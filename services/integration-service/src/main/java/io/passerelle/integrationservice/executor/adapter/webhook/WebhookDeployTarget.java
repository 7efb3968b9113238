package io.passerelle.integrationservice.executor.adapter.webhook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.passerelle.integrationservice.executor.CallOutcome;
import io.passerelle.integrationservice.executor.DeployCall;
import io.passerelle.integrationservice.executor.Observed;
import io.passerelle.integrationservice.executor.Target;
import io.passerelle.integrationservice.executor.port.Executor;
import io.passerelle.platform.outbound.OutboundGuard;
import io.passerelle.platform.outbound.OutboundVerdict;
import io.passerelle.platform.outbound.PinnedHttpClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * One signed POST per attempt. In order: the outbound guard resolves the target's host and judges every address it
 * resolved to (a refusal fails the deployment, not retried); the target's circuit breaker must admit the call (a
 * refusal is not an attempt, and says how long the breaker stays open); the attempt is counted; the request goes to
 * the checked addresses only (the platform's {@link PinnedHttpClient}), with connect and read timeouts. Retries are not made here:
 * the dispatcher decides on another attempt. I/O errors, timeouts, 5xx and 429 are worth another attempt (and count
 * as failures for the breaker); any other answer is final. Every outcome is counted
 * ({@value #CALLS}{@code {outcome}}), and the HTTP exchange is observed (a client span whose {@code traceparent} the
 * target receives, and its timer).
 */
public class WebhookDeployTarget implements Executor, AutoCloseable {

    static final String CALLS = "passerelle.deploy.calls";

    private final JsonMapper json;
    private final Clock clock;
    private final OutboundGuard guard;
    private final TargetBreakers breakers;
    private final Transport transport;
    private final MeterRegistry meters;

    WebhookDeployTarget(JsonMapper json, Clock clock, OutboundGuard guard, TargetBreakers breakers,
            Transport transport, MeterRegistry meters) {
        this.json = json;
        this.clock = clock;
        this.guard = guard;
        this.breakers = breakers;
        this.transport = transport;
        this.meters = meters;
    }

    /** The adapter over HTTP: at most {@code connections} calls at once, each with these timeouts. */
    public static WebhookDeployTarget overHttp(JsonMapper json, Clock clock, OutboundGuard guard,
            TargetBreakers breakers, MeterRegistry meters, ObservationRegistry observations, Duration connectTimeout,
            Duration readTimeout, int connections) {
        return new WebhookDeployTarget(json, clock, guard, breakers,
                Transport.over(new PinnedHttpClient("deploy calls", connectTimeout, readTimeout, connections,
                        observations)), meters);
    }

    @Override
    public String type() {
        return Target.WEBHOOK;
    }

    @Override
    public Optional<String> unusable(Target target) {
        return guard.checkWithoutResolving(target.url()).map(verdict -> refusal(target.url(), verdict));
    }

    /** The signed POST of the call's body (the same bytes at every attempt); the outcome comes on the callback. */
    @Override
    public Start start(Target target, DeployCall call, String secret, AttemptStart start) {
        var outcome = attempt(target.url(), call.deploymentId(), SignedDeployRequest.body(call, json), secret, start);
        Counter.builder(CALLS).description("Calls to deploy targets, by what they came to")
                .tag("outcome", outcome.tag()).register(meters).increment();
        return Start.of(outcome);
    }

    /** A webhook target reports its outcome on the callback: it is not watched. */
    @Override
    public boolean watches() {
        return false;
    }

    @Override
    public Observed observe(Target target, DeployCall call, String reference, String secret) {
        throw new UnsupportedOperationException("a webhook target reports its outcome on the callback");
    }

    private CallOutcome attempt(String targetUrl, UUID deliveryId, String body, String secret, AttemptStart start) {
        var verdict = guard.check(targetUrl);
        if (!(verdict instanceof OutboundVerdict.Admitted target)) {
            return verdict instanceof OutboundVerdict.Unresolved unresolved
                    ? new CallOutcome.Unavailable("could not be resolved (" + unresolved.reason() + ")")
                    : new CallOutcome.NotCalled(refusal(targetUrl, verdict));
        }
        var breaker = breakers.of(target.url().authority());
        if (!breaker.tryAcquirePermission()) {
            return new CallOutcome.CircuitOpen(breaker.getName(), breakers.retryIn(breaker));
        }
        if (!start.begin()) {
            breaker.releasePermission();
            return new CallOutcome.Withdrawn();
        }
        var request = SignedDeployRequest.of(deliveryId, body.getBytes(StandardCharsets.UTF_8), secret,
                clock.instant());
        long started = breaker.getCurrentTimestamp();
        try {
            int status = transport.post(target, request);
            if (status >= 500 || status == 429) {
                breaker.onError(elapsed(breaker, started), breaker.getTimestampUnit(),
                        new TargetUnavailableException(status));
                return new CallOutcome.Unavailable("answered HTTP " + status);
            }
            breaker.onSuccess(elapsed(breaker, started), breaker.getTimestampUnit());
            return status >= 200 && status < 300 ? new CallOutcome.Accepted(status)
                    : new CallOutcome.Refused("answered HTTP " + status);
        } catch (IOException e) {
            breaker.onError(elapsed(breaker, started), breaker.getTimestampUnit(), e);
            return new CallOutcome.Unavailable("was unreachable (" + e.getMessage() + ")");
        } catch (RuntimeException e) {
            breaker.releasePermission(); // says nothing about the target's health
            return new CallOutcome.Refused("could not be called: " + e.getMessage());
        }
    }


    private static long elapsed(CircuitBreaker breaker, long started) {
        return Math.max(0, breaker.getCurrentTimestamp() - started);
    }

    private static String refusal(String targetUrl, OutboundVerdict verdict) {
        return switch (verdict) {
            case OutboundVerdict.Malformed malformed -> "deploy target URL " + targetUrl + " " + malformed.reason();
            case OutboundVerdict.Forbidden forbidden -> "deploy target " + targetUrl + " refused by the outbound"
                    + " guard: " + forbidden.reason();
            case OutboundVerdict.Admitted admitted -> throw new IllegalArgumentException("admitted");
            case OutboundVerdict.Unresolved unresolved -> throw new IllegalArgumentException("unresolved");
        };
    }

    @Override
    public void close() throws IOException {
        transport.close();
    }
}
