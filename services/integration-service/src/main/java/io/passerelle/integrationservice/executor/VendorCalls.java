package io.passerelle.integrationservice.executor;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.passerelle.platform.outbound.PinnedHttpClient;
import io.passerelle.platform.outbound.OutboundGuard;
import io.passerelle.platform.outbound.OutboundVerdict;
import org.jspecify.annotations.Nullable;

/**
 * Calls to one vendor's API (Argo CD, GitHub, Jenkins, AWX), each operation (one or more requests: a crumb, then the
 * trigger) made as one attempt: the outbound guard must admit the vendor's URL (a refusal is final, a name that does
 * not resolve is worth another attempt); the circuit breaker of {@code <vendor> <host:port>} must admit the call (a
 * refusal is not an attempt, and says how long the breaker stays open); the whole operation runs under a Resilience4j
 * time limiter; every request of it goes to the same {@code host:port} only, through the guard again, on the
 * addresses it checked. I/O errors, time-outs, 5xx and 429 are worth another attempt and count as failures for the
 * breaker; a refusal the operation reads in the vendor's answer ({@link Stop}) is final and the vendor healthy.
 * Credentials travel in headers only, and never into an outcome's text.
 */
public final class VendorCalls implements AutoCloseable {

    /** The breaker configuration (under {@code resilience4j.circuitbreaker.configs}) every vendor breaker uses. */
    public static final String BREAKER_CONFIG = "deploy-target";

    /** One operation against the vendor; it reads the answers, and stops with the outcome when one refuses. */
    @FunctionalInterface
    public interface Operation<T> {

        T perform(Session session) throws IOException, Stop;
    }

    /** An answer the operation read as final: the vendor refused, or said what Passerelle cannot use. */
    public static final class Stop extends Exception {

        private final transient CallOutcome outcome;

        public Stop(CallOutcome outcome) {
            super(null, null, false, false);
            this.outcome = outcome;
        }

        public CallOutcome outcome() {
            return outcome;
        }
    }

    /** The vendor answered 5xx or 429: worth another attempt, and a failure for its breaker. */
    static final class VendorUnavailableException extends RuntimeException {

        VendorUnavailableException(int status) {
            super("answered HTTP " + status, null, false, false);
        }
    }

    private final String vendor;
    private final OutboundGuard guard;
    private final CircuitBreakerRegistry registry;
    private final Clock clock;
    private final TimeLimiter limiter;
    private final PinnedHttpClient exchange;
    private final int maxAnswer;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    private final Map<String, Instant> openUntil = new ConcurrentHashMap<>();

    /**
     * @param vendor the breaker names' prefix ({@code argocd}, {@code github}, {@code jenkins}, {@code awx})
     * @param clock the clock the registry's breakers keep time with
     * @param maxAnswer at most this many bytes of an answer's body are read
     */
    public VendorCalls(String vendor, OutboundGuard guard, CircuitBreakerRegistry registry, Clock clock,
            TimeLimiter limiter, PinnedHttpClient exchange, int maxAnswer) {
        this.vendor = vendor;
        this.guard = guard;
        this.registry = registry;
        this.clock = clock;
        this.limiter = limiter;
        this.exchange = exchange;
        this.maxAnswer = maxAnswer;
    }

    /** Why this URL can never be called, as far as its text tells; empty when it may be (checked again at each call). */
    public java.util.Optional<String> unusable(String url) {
        return guard.checkWithoutResolving(url).map(verdict -> refusal(url, verdict));
    }

    /**
     * Runs {@code operation} against the vendor at {@code baseUrl} as one attempt. {@code start} is asked once the call
     * may be made (guard, breaker); when it answers false nothing is sent and the outcome is
     * {@link CallOutcome.Withdrawn}.
     */
    public <T> Called<T> run(String baseUrl, BooleanSupplier start, Operation<T> operation) {
        var verdict = guard.check(baseUrl);
        if (!(verdict instanceof OutboundVerdict.Admitted base)) {
            return new Called.NotAnswered<>(verdict instanceof OutboundVerdict.Unresolved unresolved
                    ? new CallOutcome.Unavailable("could not be resolved (" + unresolved.reason() + ")")
                    : new CallOutcome.NotCalled(refusal(baseUrl, verdict)));
        }
        var breaker = breaker(base.url().authority());
        if (!breaker.tryAcquirePermission()) {
            return new Called.NotAnswered<>(new CallOutcome.CircuitOpen(breaker.getName(), retryIn(breaker)));
        }
        if (!start.getAsBoolean()) {
            breaker.releasePermission();
            return new Called.NotAnswered<>(new CallOutcome.Withdrawn());
        }
        long started = breaker.getCurrentTimestamp();
        try {
            var value = limiter.executeFutureSupplier(() -> threads.submit(() -> operation.perform(
                    new Session(base))));
            breaker.onSuccess(elapsed(breaker, started), breaker.getTimestampUnit());
            return new Called.Answered<>(value);
        } catch (Stop stop) {
            if (stop.outcome() instanceof CallOutcome.NotCalled) {
                breaker.releasePermission(); // says nothing about the vendor's health
            } else {
                breaker.onSuccess(elapsed(breaker, started), breaker.getTimestampUnit());
            }
            return new Called.NotAnswered<>(stop.outcome());
        } catch (VendorUnavailableException e) {
            breaker.onError(elapsed(breaker, started), breaker.getTimestampUnit(), e);
            return new Called.NotAnswered<>(new CallOutcome.Unavailable(e.getMessage()));
        } catch (TimeoutException e) {
            breaker.onError(elapsed(breaker, started), breaker.getTimestampUnit(), e);
            return new Called.NotAnswered<>(new CallOutcome.Unavailable("did not answer within "
                    + limiter.getTimeLimiterConfig().getTimeoutDuration().toMillis() + " ms"));
        } catch (IOException e) {
            breaker.onError(elapsed(breaker, started), breaker.getTimestampUnit(), e);
            return new Called.NotAnswered<>(new CallOutcome.Unavailable("was unreachable (" + e.getMessage() + ")"));
        } catch (Exception e) {
            breaker.releasePermission();
            return new Called.NotAnswered<>(new CallOutcome.Refused("could not be called: " + e));
        }
    }

    /** The requests of one operation: to the vendor's {@code host:port} only, each through the guard. */
    public final class Session {

        private final OutboundVerdict.Admitted base;

        private Session(OutboundVerdict.Admitted base) {
            this.base = base;
        }

        /** The URL of {@code path} (starting with /) on the vendor's base URL, whose own path it follows. */
        public String url(String path) {
            var url = base.url();
            var root = url.target().replaceFirst("[?#].*$", "").replaceFirst("/+$", "");
            return url.scheme() + "://" + url.authority() + root + path;
        }

        /**
         * @param body none when null
         * @return the answer, any status below 500 but 429
         */
        public PinnedHttpClient.Answer send(String method, String url, Map<String, String> headers,
                byte @Nullable [] body) throws IOException, Stop {
            var verdict = guard.check(url);
            if (!(verdict instanceof OutboundVerdict.Admitted target)) {
                throw new Stop(verdict instanceof OutboundVerdict.Unresolved unresolved
                        ? new CallOutcome.Unavailable("could not be resolved (" + unresolved.reason() + ")")
                        : new CallOutcome.NotCalled(refusal(url, verdict)));
            }
            if (!target.url().authority().equals(base.url().authority())
                    || !target.url().scheme().equals(base.url().scheme())) {
                throw new Stop(new CallOutcome.Refused("pointed to " + url + ", outside " + base.url().scheme() + "://"
                        + base.url().authority() + ": not followed"));
            }
            var answer = exchange.send(method, target, headers, body, maxAnswer);
            if (answer.status() >= 500 || answer.status() == 429) {
                throw new VendorUnavailableException(answer.status());
            }
            return answer;
        }
    }

    /** The headers of a call with a bearer token, asking for JSON (and sending it, when {@code jsonBody}). */
    public static Map<String, String> bearer(String token, boolean jsonBody) {
        var headers = new java.util.LinkedHashMap<String, String>();
        headers.put("Authorization", "Bearer " + token);
        headers.put("Accept", "application/json");
        if (jsonBody) {
            headers.put("Content-Type", "application/json");
        }
        return headers;
    }

    /** The answer's body read by {@code parse}; one it cannot read stops the operation: the vendor is not usable. */
    public static <N> N parsed(PinnedHttpClient.Answer answer, java.util.function.Function<byte[], N> parse)
            throws Stop {
        try {
            return parse.apply(answer.body());
        } catch (RuntimeException e) {
            throw new Stop(new CallOutcome.Refused("answered HTTP " + answer.status() + " with what is not JSON"));
        }
    }

    /** The answer's body read by {@code parse}, or {@code otherwise} when it cannot be (an error page, say). */
    public static <N> N parsedOr(PinnedHttpClient.Answer answer, java.util.function.Function<byte[], N> parse,
            N otherwise) {
        try {
            return parse.apply(answer.body());
        } catch (RuntimeException e) {
            return otherwise;
        }
    }

    private CircuitBreaker breaker(String authority) {
        return breakers.computeIfAbsent(vendor + " " + authority, name -> {
            var breaker = registry.circuitBreaker(name, BREAKER_CONFIG);
            breaker.getEventPublisher().onStateTransition(transition -> {
                if (transition.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                    var wait = breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1);
                    openUntil.put(name, clock.instant().plusMillis(wait));
                }
            });
            return breaker;
        });
    }

    private Duration retryIn(CircuitBreaker breaker) {
        var until = openUntil.get(breaker.getName());
        if (breaker.getState() != CircuitBreaker.State.OPEN || until == null) {
            return Duration.ZERO;
        }
        var left = Duration.between(clock.instant(), until);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static long elapsed(CircuitBreaker breaker, long started) {
        return Math.max(0, breaker.getCurrentTimestamp() - started);
    }

    private String refusal(String url, OutboundVerdict verdict) {
        return switch (verdict) {
            case OutboundVerdict.Malformed malformed -> vendor + " URL " + url + " " + malformed.reason();
            case OutboundVerdict.Forbidden forbidden -> vendor + " URL " + url + " refused by the outbound guard: "
                    + forbidden.reason();
            case OutboundVerdict.Admitted admitted -> throw new IllegalArgumentException("admitted");
            case OutboundVerdict.Unresolved unresolved -> throw new IllegalArgumentException("unresolved");
        };
    }

    @Override
    public void close() throws IOException {
        threads.shutdownNow();
        exchange.close();
    }
}
