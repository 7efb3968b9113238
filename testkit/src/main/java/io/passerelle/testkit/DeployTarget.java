package io.passerelle.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;

/**
 * A deploy target as a team would write one: verifies Passerelle's signature (over the timestamp and the body, at most
 * five minutes old), answers 202, "deploys", then reports the outcome to the callback URL with a pipeline token,
 * signed with the deployment's callback credential ({@code callbackToken} of the request, which is never sent back):
 * {@code X-Passerelle-Signature-256} over {@code X-Passerelle-Timestamp}, a dot and the body, which carries a new
 * {@code deliveryId} per report. {@code /ok} succeeds, {@code /broken} answers 500, {@code /manual} answers
 * 202 and leaves the report to the test ({@link #report}), {@code /flaky} answers 500 to a share of the calls and
 * succeeds with the others ({@link #flaky}). A report that does not reach Passerelle (no connection, 5xx, 429) is sent
 * again with backoff for up to five minutes, as a target must. The target keeps a log per deployment: the calls it
 * received and when Passerelle accepted its report of success ({@link #logs}).
 */
public final class DeployTarget implements AutoCloseable {

    /**
     * @param callbackToken the deployment's callback credential, as the request carried it
     * @param receivedAtNanos when it arrived ({@link System#nanoTime})
     * @param idempotencyKey the request's {@code Idempotency-Key} header, empty without one
     * @param answered the HTTP status the target answered
     */
    public record Call(String path, String deploymentId, String service, String environment, String commitSha,
            String callbackToken, boolean signatureValid, long receivedAtNanos, String idempotencyKey, int answered) {

        public boolean accepted() {
            return answered >= 200 && answered < 300;
        }
    }

    /**
     * What the target saw of one deployment.
     *
     * @param calls the calls it received, in order of arrival
     * @param succeededAtNanos when Passerelle accepted the target's report that it SUCCEEDED ({@link System#nanoTime})
     */
    public record Log(String deploymentId, List<Call> calls, OptionalLong succeededAtNanos) {

        /** Calls received after the deployment was reported SUCCEEDED: each one repeats a finished deployment. */
        public List<Call> callsAfterSuccess() {
            return succeededAtNanos.isEmpty() ? List.of()
                    : calls.stream().filter(c -> c.receivedAtNanos() > succeededAtNanos.getAsLong()).toList();
        }
    }

    /** The header Passerelle sends with every deploy call: the deployment id, the same on every attempt. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private static final long REPORT_FOR_NANOS = TimeUnit.MINUTES.toNanos(5);

    private final HttpServer server;
    private final ScheduledExecutorService callbacks = Executors.newScheduledThreadPool(8);
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> callsPerDeployment = new ConcurrentHashMap<>();
    private final Map<String, Long> succeededAt = new ConcurrentHashMap<>();
    private final Tokens tokens;
    private final AtomicReference<Runnable> beforeNextAcceptance = new AtomicReference<>();
    private volatile double flakyShare = 0.5;
    private volatile long flakySeed;

    /** @param tokens where the target gets its pipeline token to report outcomes */
    public DeployTarget(Tokens tokens) throws IOException {
        this.tokens = tokens;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public void trust(String service, String secret) {
        secrets.put(service, secret);
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> callsFor(String service) {
        return calls.stream().filter(c -> c.service().equals(service)).toList();
    }

    /**
     * What {@code /flaky} does: it answers 500 to {@code share} of the calls and succeeds with the others. Whether a
     * call fails is drawn from the seed, the deployment's service, environment and commit, and how many calls that
     * deployment had before: a run that sends the same commits with the same seed sees the same answers.
     */
    public DeployTarget flaky(double share, long seed) {
        if (share < 0 || share > 1) {
            throw new IllegalArgumentException("the failing share is between 0 and 1");
        }
        flakyShare = share;
        flakySeed = seed;
        return this;
    }

    /**
     * Runs {@code action} once, on the next call the target accepts, after logging it and before answering: a fault
     * injected there (the caller killed) falls between the target's acceptance and the caller hearing of it. Replaces
     * an action still waiting; {@code null} withdraws it.
     */
    public void beforeNextAcceptance(@Nullable Runnable action) {
        beforeNextAcceptance.set(action);
    }

    /** The log of every deployment the target was called for, by deployment id. */
    public Map<String, Log> logs() {
        var byDeployment = new LinkedHashMap<String, List<Call>>();
        calls.forEach(c -> byDeployment.computeIfAbsent(c.deploymentId(), id -> new java.util.ArrayList<>()).add(c));
        var logs = new LinkedHashMap<String, Log>();
        byDeployment.forEach((id, received) -> {
            var at = succeededAt.get(id);
            logs.put(id, new Log(id, List.copyOf(received), at == null ? OptionalLong.empty() : OptionalLong.of(at)));
        });
        return logs;
    }

    private void handle(HttpExchange exchange) throws IOException {
        long receivedAt = System.nanoTime();
        byte[] body = exchange.getRequestBody().readAllBytes();
        var json = Http.JSON.readTree(body);
        var service = json.path("service").asString();
        var secret = secrets.get(service);
        var signature = exchange.getRequestHeaders().getFirst("X-Passerelle-Signature-256");
        var timestamp = exchange.getRequestHeaders().getFirst("X-Passerelle-Timestamp");
        boolean valid = secret != null && signature != null && fresh(timestamp)
                && MessageDigest.isEqual(sign(secret, signedContent(timestamp, body)).getBytes(StandardCharsets.US_ASCII),
                        signature.getBytes(StandardCharsets.US_ASCII));
        var path = exchange.getRequestURI().getPath();
        var callbackToken = json.path("callbackToken").asString();
        var deploymentId = json.path("deploymentId").asString();
        var environment = json.path("environment").asString();
        var commitSha = json.path("commitSha").asString();
        int earlier = callsPerDeployment.computeIfAbsent(deploymentId, id -> new AtomicInteger()).getAndIncrement();
        int status = !valid ? 401
                : path.equals("/broken") ? 500
                : path.equals("/flaky") && fails(service, environment, commitSha, earlier) ? 500
                : 202;
        var idempotencyKey = exchange.getRequestHeaders().getFirst(IDEMPOTENCY_KEY);
        calls.add(new Call(path, deploymentId, service, environment, commitSha, callbackToken, valid, receivedAt,
                idempotencyKey == null ? "" : idempotencyKey, status));
        var action = status == 202 ? beforeNextAcceptance.getAndSet(null) : null;
        if (action != null) {
            action.run();
        }
        exchange.sendResponseHeaders(status, -1);
        if (status == 202 && !path.equals("/manual")) {
            var callback = json.path("callbackUrl").asString();
            // an instrumented target reports in the trace of the request that asked it to deploy
            var traceparent = exchange.getRequestHeaders().getFirst("traceparent");
            callbacks.submit(() -> reportSuccess(deploymentId, callback, callbackToken, traceparent, System.nanoTime(),
                    200));
        }
        exchange.close();
    }

    private boolean fails(String service, String environment, String commitSha, int earlierCalls) {
        long key = flakySeed * 31 + (service + '/' + environment + '/' + commitSha).hashCode();
        return new SplittableRandom(key ^ (earlierCalls * 0x9E3779B97F4A7C15L)).nextDouble() < flakyShare;
    }

    /** Reports SUCCEEDED until Passerelle hears it (2xx) or refuses it (another 4xx), with backoff, for five minutes. */
    private void reportSuccess(String deploymentId, String callbackUrl, String callbackToken,
            @Nullable String traceparent, long since, long waitMillis) {
        int status;
        try {
            var body = outcome("SUCCEEDED");
            var headers = new java.util.HashMap<String, String>(signedCallback(callbackToken, body));
            if (traceparent != null) {
                headers.put("traceparent", traceparent);
            }
            status = Http.send("POST", callbackUrl, pipelineToken(), body, headers).status();
        } catch (RuntimeException e) { // no connection, no token: the same as a 503
            status = 503;
        }
        if (status >= 200 && status < 300) {
            succeededAt.putIfAbsent(deploymentId, System.nanoTime());
        } else if ((status >= 500 || status == 429) && System.nanoTime() - since < REPORT_FOR_NANOS
                && !callbacks.isShutdown()) {
            callbacks.schedule(() -> reportSuccess(deploymentId, callbackUrl, callbackToken, traceparent, since,
                    Math.min(waitMillis * 2, 5_000)), waitMillis, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Reports an outcome as a target does: a pipeline token, and the body signed with the deployment's own callback
     * credential (a new delivery each time).
     */
    public Http.Response report(String callbackUrl, String callbackToken, String state) {
        var body = outcome(state);
        return Http.send("POST", callbackUrl, pipelineToken(), body, signedCallback(callbackToken, body));
    }

    /** Sends exactly these bytes with exactly these headers: a replay, or a forgery, as a test composes it. */
    public Http.Response replay(String callbackUrl, byte[] body, Map<String, String> headers) {
        return Http.send("POST", callbackUrl, pipelineToken(), body, headers);
    }

    /** A report's body: a new delivery id, the state. */
    public static byte[] outcome(String state) {
        return Http.JSON.writeValueAsBytes(Map.of("deliveryId", java.util.UUID.randomUUID().toString(), "state",
                state));
    }

    /** The callback's signature headers: HMAC-SHA256 keyed with the callback token over "<now>." and the body. */
    public static Map<String, String> signedCallback(String callbackToken, byte[] body) {
        var timestamp = Long.toString(System.currentTimeMillis() / 1000);
        return Map.of("X-Passerelle-Timestamp", timestamp,
                "X-Passerelle-Signature-256", sign(callbackToken, signedContent(timestamp, body)));
    }

    private volatile String token;
    private volatile long tokenAt;

    /** A pipeline token, renewed every five minutes (they live fifteen). */
    private String pipelineToken() {
        if (token == null || System.nanoTime() - tokenAt > 300_000_000_000L) {
            token = tokens.pipeline();
            tokenAt = System.nanoTime();
        }
        return token;
    }

    /** What Passerelle signs for a deploy target: {@code "<X-Passerelle-Timestamp>."} followed by the body. */
    static byte[] signedContent(String timestamp, byte[] body) {
        var prefix = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
        var content = java.util.Arrays.copyOf(prefix, prefix.length + body.length);
        System.arraycopy(body, 0, content, prefix.length, body.length);
        return content;
    }

    /** A target refuses requests signed more than five minutes ago (replays). */
    static boolean fresh(String timestamp) {
        try {
            return Math.abs(java.time.Instant.now().getEpochSecond() - Long.parseLong(timestamp)) <= 300;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The signature header format: {@code sha256=<hex HMAC-SHA256 of the content>}. */
    public static String sign(String secret, byte[] body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        callbacks.shutdownNow();
    }
}
