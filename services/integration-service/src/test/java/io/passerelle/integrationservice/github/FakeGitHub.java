package io.passerelle.integrationservice.github;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays GitHub's REST API on 127.0.0.1 for one GitHub App, as far as protection rules go. {@code POST
 * /app/installations/{id}/access_tokens} issues an installation token only for a JWT that verifies with the App's
 * public key (RS256, {@code iss} the App's id, issued at most 2 minutes ago, expiring in the future and at most 10
 * minutes ahead) and GitHub's {@code Accept} and {@code X-GitHub-Api-Version} headers; {@code POST
 * /repos/{owner}/{repo}/actions/runs/{run}/deployment_protection_rule} accepts a review only with a token it issued
 * (and not revoked), answering the statuses set for that run in turn (204 by default). Everything received is kept.
 */
public final class FakeGitHub implements AutoCloseable {

    public static final String APP_ID = "424242";
    public static final String API_VERSION = "2022-11-28";
    public static final String ACCEPT = "application/vnd.github+json";

    private static final Pattern TOKENS = Pattern.compile("/app/installations/([0-9]+)/access_tokens");
    private static final Pattern REVIEW = Pattern.compile(
            "/repos/([^/]+)/([^/]+)/actions/runs/([0-9]+)/deployment_protection_rule");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static volatile @Nullable FakeGitHub shared;
    /** Generating an RSA key takes a while on a small machine: one App key for every fake, unless asked otherwise. */
    private static final KeyPair APP_KEY = rsaKeyPair();

    /** A review as GitHub received it ({@code at}: {@link System#nanoTime()}), and what it answered. */
    public record Received(String repository, long runId, @Nullable String authorization, Map<String, String> headers,
            JsonNode body, int status, long at) {
    }

    /** A token request GitHub refused, and why. */
    public record Refused(String why) {
    }

    private final HttpServer server;
    private final KeyPair appKey;
    private final Map<String, Long> tokens = new ConcurrentHashMap<>();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    private final Map<Long, int[]> statuses = new ConcurrentHashMap<>();
    private final Map<Long, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final List<Received> reviews = new CopyOnWriteArrayList<>();
    private final List<Long> tokensIssued = new CopyOnWriteArrayList<>();
    private final List<Refused> refusedTokens = new CopyOnWriteArrayList<>();

    /** A GitHub whose App has the test JVM's App key. */
    public FakeGitHub() throws IOException {
        this(APP_KEY);
    }

    /** A GitHub whose App has a key of its own (another App, to the others). */
    public static FakeGitHub withNewAppKey() throws IOException {
        return new FakeGitHub(rsaKeyPair());
    }

    private FakeGitHub(KeyPair appKey) throws IOException {
        this.appKey = appKey;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** One GitHub for the whole test JVM: the integration tests' Spring context is configured with it once. */
    public static FakeGitHub shared() {
        var github = shared;
        if (github == null) {
            synchronized (FakeGitHub.class) {
                github = shared;
                if (github == null) {
                    try {
                        github = new FakeGitHub();
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                    var started = github;
                    Runtime.getRuntime().addShutdownHook(new Thread(started::close));
                    shared = github;
                }
            }
        }
        return github;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String callbackUrl(String repository, long runId) {
        return url() + "/repos/" + repository + "/actions/runs/" + runId + "/deployment_protection_rule";
    }

    /** The App's private key as GitHub hands it out: PKCS#1 PEM ({@code BEGIN RSA PRIVATE KEY}). */
    public String privateKeyPkcs1Pem() {
        return pem("RSA PRIVATE KEY", pkcs1(appKey.getPrivate().getEncoded()));
    }

    /** The same key as PKCS#8 PEM ({@code BEGIN PRIVATE KEY}). */
    public String privateKeyPkcs8Pem() {
        return pem("PRIVATE KEY", appKey.getPrivate().getEncoded());
    }

    public RSAPublicKey publicKey() {
        return (RSAPublicKey) appKey.getPublic();
    }

    /** The statuses the reviews of {@code runId} are answered, in turn; the last repeats. */
    public void answerReviews(long runId, int... answers) {
        statuses.put(runId, answers);
    }

    /** GitHub no longer honours this token (revoked, or expired early). */
    public void revoke(String token) {
        revoked.add(token);
    }

    public List<Received> reviews(long runId) {
        return reviews.stream().filter(r -> r.runId() == runId).toList();
    }

    /** The installations a token was issued for, one entry per token. */
    public List<Long> tokensIssued() {
        return List.copyOf(tokensIssued);
    }

    public List<Refused> refusedTokens() {
        return List.copyOf(refusedTokens);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var body = exchange.getRequestBody().readAllBytes();
            var path = exchange.getRequestURI().getRawPath();
            if (!exchange.getRequestMethod().equals("POST")) {
                answer(exchange, 404, "{\"message\":\"Not Found\"}");
                return;
            }
            var tokenPath = TOKENS.matcher(path);
            if (tokenPath.matches()) {
                issueToken(exchange, Long.parseLong(tokenPath.group(1)));
                return;
            }
            var reviewPath = REVIEW.matcher(path);
            if (reviewPath.matches()) {
                review(exchange, reviewPath.group(1) + "/" + reviewPath.group(2), Long.parseLong(reviewPath.group(3)),
                        body);
                return;
            }
            answer(exchange, 404, "{\"message\":\"Not Found\"}");
        }
    }

    private void issueToken(HttpExchange exchange, long installationId) throws IOException {
        var why = jwtProblem(exchange);
        if (why != null) {
            refusedTokens.add(new Refused(why));
            answer(exchange, 401, "{\"message\":\"" + why.replace("\"", "'") + "\"}");
            return;
        }
        var token = "ghs_" + UUID.randomUUID().toString().replace("-", "");
        tokens.put(token, installationId);
        tokensIssued.add(installationId);
        answer(exchange, 201, "{\"token\":\"" + token + "\",\"expires_at\":\""
                + Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS) + "\","
                + "\"permissions\":{\"deployments\":\"write\",\"actions\":\"read\"},\"repository_selection\":\"all\"}");
    }

    private @Nullable String jwtProblem(HttpExchange exchange) {
        var headers = exchange.getRequestHeaders();
        if (!ACCEPT.equals(headers.getFirst("Accept"))) {
            return "Accept is not " + ACCEPT + ": " + headers.getFirst("Accept");
        }
        if (!API_VERSION.equals(headers.getFirst("X-GitHub-Api-Version"))) {
            return "X-GitHub-Api-Version is not " + API_VERSION;
        }
        var authorization = headers.getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return "no bearer JWT";
        }
        try {
            var jwt = SignedJWT.parse(authorization.substring("Bearer ".length()));
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
                return "the JWT is not RS256";
            }
            if (!jwt.verify(new RSASSAVerifier(publicKey()))) {
                return "the JWT's signature does not verify with the App's public key";
            }
            var claims = jwt.getJWTClaimsSet();
            var now = Instant.now();
            if (!APP_ID.equals(claims.getIssuer())) {
                return "iss is not the App's id: " + claims.getIssuer();
            }
            if (claims.getIssueTime() == null || claims.getIssueTime().toInstant().isAfter(now)
                    || claims.getIssueTime().toInstant().isBefore(now.minusSeconds(120))) {
                return "iat is not within the last two minutes: " + claims.getIssueTime();
            }
            if (claims.getExpirationTime() == null || !claims.getExpirationTime().toInstant().isAfter(now)
                    || claims.getExpirationTime().toInstant().isAfter(now.plus(Duration.ofMinutes(10)))) {
                return "exp is not in the next ten minutes: " + claims.getExpirationTime();
            }
            return null;
        } catch (Exception e) {
            return "the JWT cannot be read: " + e.getMessage();
        }
    }

    private void review(HttpExchange exchange, String repository, long runId, byte[] body) throws IOException {
        var headers = exchange.getRequestHeaders();
        var authorization = headers.getFirst("Authorization");
        var token = authorization != null && authorization.startsWith("Bearer ")
                ? authorization.substring("Bearer ".length()) : "";
        int status;
        if (!tokens.containsKey(token) || revoked.contains(token)) {
            status = 401;
        } else if (!ACCEPT.equals(headers.getFirst("Accept"))
                || !API_VERSION.equals(headers.getFirst("X-GitHub-Api-Version"))) {
            status = 400;
        } else {
            var answers = statuses.getOrDefault(runId, new int[] { 204 });
            int call = calls.computeIfAbsent(runId, r -> new AtomicInteger()).getAndIncrement();
            status = answers[Math.min(call, answers.length - 1)];
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (RuntimeException e) {
            json = JSON.createObjectNode().put("unreadable", new String(body, StandardCharsets.UTF_8));
        }
        var copied = new java.util.LinkedHashMap<String, String>();
        headers.forEach((name, values) -> copied.put(name.toLowerCase(java.util.Locale.ROOT), values.getFirst()));
        reviews.add(new Received(repository, runId, authorization, copied, json, status, System.nanoTime()));
        if (status == 204) {
            exchange.sendResponseHeaders(204, -1);
        } else {
            answer(exchange, status, status == 401 ? "{\"message\":\"Bad credentials\"}"
                    : "{\"message\":\"Server Error\"}");
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        var bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static KeyPair rsaKeyPair() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The PKCS#1 RSAPrivateKey inside the JDK's PKCS#8 encoding: the content of its OCTET STRING, which follows the
     * outer SEQUENCE's header, INTEGER 0 and the rsaEncryption AlgorithmIdentifier (read, not assumed: lengths vary).
     */
    static byte[] pkcs1(byte[] pkcs8) {
        int at = header(pkcs8, 0, 0x30);            // PrivateKeyInfo SEQUENCE: step into it
        at = skip(pkcs8, at, 0x02);                 // version
        at = skip(pkcs8, at, 0x30);                 // algorithm
        int content = header(pkcs8, at, 0x04);      // privateKey OCTET STRING
        return java.util.Arrays.copyOfRange(pkcs8, content, content + length(pkcs8, at + 1));
    }

    private static int header(byte[] der, int at, int tag) {
        if ((der[at] & 0xff) != tag) {
            throw new IllegalArgumentException("unexpected DER tag " + der[at] + " at " + at);
        }
        int first = der[at + 1] & 0xff;
        return at + 2 + (first < 0x80 ? 0 : first & 0x7f);
    }

    private static int skip(byte[] der, int at, int tag) {
        return header(der, at, tag) + length(der, at + 1);
    }

    private static int length(byte[] der, int at) {
        int first = der[at] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int length = 0;
        for (int i = 1; i <= (first & 0x7f); i++) {
            length = (length << 8) | (der[at + i] & 0xff);
        }
        return length;
    }

    private static String pem(String type, byte[] der) {
        var lines = new ArrayList<String>();
        lines.add("-----BEGIN " + type + "-----");
        var base64 = Base64.getEncoder().encodeToString(der);
        for (int i = 0; i < base64.length(); i += 64) {
            lines.add(base64.substring(i, Math.min(base64.length(), i + 64)));
        }
        lines.add("-----END " + type + "-----");
        return String.join("\n", lines) + "\n";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
