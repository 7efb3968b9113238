package io.passerelle.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A deploy target as a team would write one: verifies Passerelle's signature (over the timestamp and the body, at most
 * five minutes old), answers 202, "deploys", then reports the outcome to the callback URL with a pipeline token and
 * the deployment's callback credential ({@code callbackToken} of the request, sent back as
 * {@code X-Passerelle-Callback-Token}). {@code /ok} succeeds, {@code /broken} answers 500, {@code /manual} answers
 * 202 and leaves the report to the test ({@link #report}).
 */
public final class DeployTarget implements AutoCloseable {

    /** @param callbackToken the deployment's callback credential, as the request carried it */
    public record Call(String path, String deploymentId, String service, String environment, String commitSha,
            String callbackToken, boolean signatureValid, long receivedAtNanos) {
    }

    /** The header that carries a deployment's callback credential back to Passerelle. */
    public static final String CALLBACK_TOKEN = "X-Passerelle-Callback-Token";

    private final HttpServer server;
    private final ExecutorService callbacks = Executors.newFixedThreadPool(8);
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Tokens tokens;

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

    private void handle(HttpExchange exchange) throws IOException {
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
        calls.add(new Call(path, json.path("deploymentId").asString(), service, json.path("environment").asString(),
                json.path("commitSha").asString(), callbackToken, valid, System.nanoTime()));
        if (!valid) {
            exchange.sendResponseHeaders(401, -1);
        } else if (path.equals("/broken")) {
            exchange.sendResponseHeaders(500, -1);
        } else if (path.equals("/manual")) {
            exchange.sendResponseHeaders(202, -1);
        } else {
            exchange.sendResponseHeaders(202, -1);
            var callback = json.path("callbackUrl").asString();
            callbacks.submit(() -> report(callback, callbackToken, "SUCCEEDED"));
        }
        exchange.close();
    }

    /** Reports an outcome as a target does: a pipeline token, and the deployment's own callback credential. */
    public Http.Response report(String callbackUrl, String callbackToken, String state) {
        return Http.send("POST", callbackUrl, pipelineToken(), Http.JSON.writeValueAsBytes(Map.of("state", state)),
                Map.of(CALLBACK_TOKEN, callbackToken));
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
