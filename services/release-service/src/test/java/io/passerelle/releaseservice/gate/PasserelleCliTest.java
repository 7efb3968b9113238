package io.passerelle.releaseservice.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.passerelle.platform.test.RepositoryFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * infra/bin/passerelle, run by {@code sh} as a pipeline runs it, against a local server that plays the gate API (and
 * a token endpoint): its exit codes (0 allowed, 1 refused, 2 timed out, 3 error), what it prints, and the requests it
 * sends. Answers put their fields in orders the script must not depend on.
 */
class PasserelleCliTest {

    static final Path SCRIPT = RepositoryFiles.root().resolve("infra/bin/passerelle");
    static final String GATE = "5b1f0c3a-7d2e-4f6a-9b8c-0d1e2f3a4b5c";
    static final String CHANGE = "c1a2b3d4-e5f6-4789-8abc-def012345678";
    static final String SHA = "3f2a9c1e7b4d5a6f8e9d0c1b2a3f4e5d6c7b8a9f";

    HttpServer server;
    final List<Recorded> requests = new CopyOnWriteArrayList<>();
    /** What GET /api/v1/gates/{id} answers next, one per call; the last one is answered again. */
    final Deque<String> waits = new ArrayDeque<>();
    volatile String opened = "";
    volatile int openStatus = 201;
    /** The longest a long-poll holds the request here, whatever its wait (keeps the timeout test short). */
    volatile long holdMillis;

    record Recorded(String method, String uri, String authorization, String body) {
    }

    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void needsShellAndCurl() throws Exception {
        Assumptions.assumeTrue(new ProcessBuilder("sh", "-c", "command -v curl").start().waitFor() == 0,
                "curl is not installed: the pipeline client cannot be run");
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/token", exchange -> {
            record(exchange);
            answer(exchange, 200, "{\"token_type\":\"Bearer\",\"expires_in\":300,\"access_token\":\"minted-token\"}");
        });
        server.createContext("/api/v1/gates", exchange -> {
            var recorded = record(exchange);
            var path = exchange.getRequestURI().getPath();
            if (recorded.method().equals("POST") && path.equals("/api/v1/gates")) {
                answer(exchange, openStatus, opened);
            } else if (recorded.method().equals("POST") && path.endsWith("/outcome")) {
                answer(exchange, 200, "{\"outcome\":\"FAILED\",\"id\":\"" + GATE + "\",\"decision\":\"ALLOWED\"}");
            } else if (recorded.method().equals("GET")) {
                if (holdMillis > 0) {
                    sleep(holdMillis);
                }
                var next = waits.size() > 1 ? waits.poll() : waits.peek();
                answer(exchange, 200, next);
            } else {
                answer(exchange, 405, "{}");
            }
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    Recorded record(HttpExchange exchange) throws IOException {
        var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        var recorded = new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                exchange.getRequestHeaders().getFirst("Authorization"), body);
        requests.add(recorded);
        return recorded;
    }

    static void answer(HttpExchange exchange, int status, String body) throws IOException {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status >= 400 ? "application/problem+json"
                : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    Run run(Map<String, String> environment, String... arguments) throws Exception {
        var command = new ArrayList<>(List.of("sh", SCRIPT.toString()));
        command.addAll(List.of(arguments));
        var builder = new ProcessBuilder(command);
        var env = builder.environment();
        var path = env.get("PATH");
        env.clear(); // as in a pipeline that sets only what it means to, and no CI variables of this machine's
        env.put("PATH", path);
        env.putAll(environment);
        var process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the client finished").isTrue();
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    Run gate(String... more) throws Exception {
        var arguments = new ArrayList<>(List.of("gate", "--service", "payments", "--environment",
                "production", "--sha", SHA, "--run-url", "https://github.com/acme/payments/actions/runs/42"));
        arguments.addAll(List.of(more));
        return run(Map.of("PASSERELLE_URL", url() + "/", "PASSERELLE_TOKEN", "the-token"),
                arguments.toArray(String[]::new));
    }

    static String gateAnswer(String decision, String more) {
        return "{\"decision\":\"" + decision + "\"" + more + ",\"service\":\"payments\",\"id\":\"" + GATE + "\"}";
    }

    @Test
    void an_allowed_gate_exits_0_after_waiting_with_the_gate_and_its_change() throws Exception {
        opened = "{\"id\":\"" + GATE + "\",\"changeId\":null,\"decision\":\"PENDING\",\"service\":\"payments\"}";
        waits.add(gateAnswer("PENDING", ",\"changeId\":\"" + CHANGE + "\""));
        waits.add("{\"changeId\":\"" + CHANGE + "\",\"reason\":null,\"id\":\"" + GATE + "\",\"decision\":\"ALLOWED\"}");

        var run = gate("--actor", "octocat", "--version", "1.4.2", "--artifact-digest", "sha256:" + "ab".repeat(32));

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("gate=" + GATE + "\nchange=" + CHANGE + "\ndecision=ALLOWED\n");
        assertThat(run.err()).contains("ALLOWED").contains("passerelle outcome --gate " + GATE);
        assertThat(requests).hasSize(3);
        var open = requests.getFirst();
        assertThat(open.method()).isEqualTo("POST");
        assertThat(open.uri()).isEqualTo("/api/v1/gates");
        assertThat(open.authorization()).isEqualTo("Bearer the-token");
        assertThat(open.body()).isEqualTo("{\"service\":\"payments\",\"environment\":\"production\",\"commitSha\":\""
                + SHA + "\",\"runUrl\":\"https://github.com/acme/payments/actions/runs/42\",\"actor\":\"octocat\","
                + "\"version\":\"1.4.2\",\"evidence\":{\"artifactDigest\":\"sha256:" + "ab".repeat(32) + "\"}}");
        assertThat(requests.subList(1, 3)).allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.uri()).isEqualTo("/api/v1/gates/" + GATE + "?wait=60");
            assertThat(r.authorization()).isEqualTo("Bearer the-token");
        });
    }

    @Test
    void a_refused_gate_exits_1_with_the_reason() throws Exception {
        opened = gateAnswer("PENDING", "");
        waits.add("{\"reason\":\"change " + CHANGE + " rejected by bob: no \\\"decision\\\":\\\"ALLOWED\\\" today\","
                + "\"decision\":\"REFUSED\",\"changeId\":\"" + CHANGE + "\",\"id\":\"" + GATE + "\"}");

        var run = gate();

        assertThat(run.exit()).as(run.err()).isOne();
        assertThat(run.out()).isEqualTo("gate=" + GATE + "\nchange=" + CHANGE + "\ndecision=REFUSED\nreason=change "
                + CHANGE + " rejected by bob: no \"decision\":\"ALLOWED\" today\n");
        assertThat(run.err()).contains("REFUSED: change " + CHANGE + " rejected by bob");
    }

    @Test
    void a_gate_decided_when_opened_is_not_waited_on() throws Exception {
        opened = gateAnswer("ALLOWED", ",\"changeId\":\"" + CHANGE + "\"");

        var run = gate();

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(requests).hasSize(1);
    }

    @Test
    void a_gate_never_decided_exits_2_when_the_timeout_runs_out() throws Exception {
        opened = gateAnswer("PENDING", "");
        waits.add(gateAnswer("PENDING", ""));
        holdMillis = 1_000;
        long started = System.nanoTime();

        var run = gate("--timeout", "2");

        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(run.out()).isEqualTo("gate=" + GATE + "\ndecision=PENDING\n");
        assertThat(run.err()).contains("still PENDING after 2s");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(10);
        var waited = requests.stream().filter(r -> r.method().equals("GET")).toList();
        assertThat(waited).isNotEmpty().allSatisfy(r -> assertThat(r.uri()).matches(
                "/api/v1/gates/" + GATE + "\\?wait=[12]"));
    }

    @Test
    void an_http_error_exits_3_with_the_problem_s_detail() throws Exception {
        openStatus = 422;
        opened = "{\"type\":\"https://passerelle.io/problems/rule-violated\",\"title\":\"Business rule violated\","
                + "\"status\":422,\"detail\":\"service payments has no environment production (it has [staging])\"}";

        var run = gate();

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("HTTP 422: service payments has no environment production (it has [staging])");
    }

    @Test
    void usage_and_configuration_errors_exit_3_before_any_request() throws Exception {
        assertThat(run(Map.of("PASSERELLE_URL", url(), "PASSERELLE_TOKEN", "t"), "gate", "--service", "payments").exit())
                .isEqualTo(3);
        assertThat(run(Map.of("PASSERELLE_TOKEN", "t"), "gate", "--service", "p", "--environment", "e", "--sha", SHA,
                "--run-url", "https://ci.example/1").err()).contains("set PASSERELLE_URL");
        assertThat(run(Map.of("PASSERELLE_URL", url()), "gate", "--service", "p", "--environment", "e", "--sha", SHA,
                "--run-url", "https://ci.example/1").err()).contains("set PASSERELLE_TOKEN");
        assertThat(run(Map.of("PASSERELLE_URL", url(), "PASSERELLE_TOKEN", "t"), "outcome", "--gate", GATE,
                "--result", "DONE").exit()).isEqualTo(3);
        assertThat(requests).isEmpty();
        assertThat(run(Map.of(), "--help").exit()).isZero();
    }

    @Test
    void client_credentials_are_exchanged_for_a_token_and_the_ci_s_variables_fill_in_the_run() throws Exception {
        opened = gateAnswer("ALLOWED", "");

        var run = run(Map.of("PASSERELLE_URL", url(), "PASSERELLE_CLIENT_ID", "passerelle-ci",
                "PASSERELLE_CLIENT_SECRET", "s3cr\"et&x=1", "PASSERELLE_TOKEN_URL", url() + "/token",
                "GITHUB_SHA", SHA, "GITHUB_ACTOR", "octocat", "GITHUB_REPOSITORY", "acme/payments",
                "GITHUB_RUN_ID", "42", "GITHUB_RUN_ATTEMPT", "2"), "gate", "--service", "payments", "--environment",
                "staging");

        assertThat(run.exit()).as(run.err()).isZero();
        var token = requests.getFirst();
        assertThat(token.uri()).isEqualTo("/token");
        assertThat(token.body()).isEqualTo(
                "grant_type=client_credentials&client_id=passerelle-ci&client_secret=s3cr%22et%26x%3D1");
        var open = requests.get(1);
        assertThat(open.authorization()).isEqualTo("Bearer minted-token");
        assertThat(open.body()).isEqualTo("{\"service\":\"payments\",\"environment\":\"staging\",\"commitSha\":\"" + SHA
                + "\",\"runUrl\":\"https://github.com/acme/payments/actions/runs/42/attempts/2\",\"actor\":\"octocat\"}");
    }

    @Test
    void the_outcome_is_reported_with_its_reason_escaped() throws Exception {
        var run = run(Map.of("PASSERELLE_URL", url(), "PASSERELLE_TOKEN", "the-token"), "outcome", "--gate", GATE,
                "--result", "FAILED", "--reason", "smoke test \"checkout\" failed\\n");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("outcome=FAILED\n");
        assertThat(requests).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.uri()).isEqualTo("/api/v1/gates/" + GATE + "/outcome");
            assertThat(r.authorization()).isEqualTo("Bearer the-token");
            assertThat(r.body()).isEqualTo("{\"result\":\"FAILED\",\"reason\":\"smoke test \\\"checkout\\\" failed\\\\n\"}");
        });
    }

    /** The GitHub composite action runs the client as a step would, and hands its key=value lines to the outputs. */
    @Test
    @SuppressWarnings("unchecked")
    void the_github_action_runs_the_client_and_sets_its_outputs(@TempDir Path temp) throws Exception {
        opened = gateAnswer("ALLOWED", ",\"changeId\":\"" + CHANGE + "\"");
        var action = RepositoryFiles.root().resolve(".github/actions/passerelle-gate");
        Map<String, Object> definition = new Yaml().load(Files.readString(action.resolve("action.yml")));
        var step = ((List<Map<String, Object>>) ((Map<String, Object>) definition.get("runs")).get("steps")).getFirst();
        assertThat(step.get("shell")).isEqualTo("sh");
        var outputs = temp.resolve("github-output");
        Files.createFile(outputs);

        var environment = new HashMap<String, String>();
        ((Map<String, String>) step.get("env")).keySet().forEach(name -> environment.put(name, ""));
        environment.putAll(Map.of("PASSERELLE_URL", url(), "PASSERELLE_TOKEN", "the-token", "IN_SERVICE", "payments",
                "IN_ENVIRONMENT", "production", "IN_SHA", SHA, "IN_ACTOR", "octocat", "IN_TIMEOUT", "60",
                "IN_RUN_URL", "https://github.com/acme/payments/actions/runs/42"));
        environment.putAll(Map.of("GITHUB_ACTION_PATH", action.toString(), "RUNNER_TEMP", temp.toString(),
                "GITHUB_OUTPUT", outputs.toString(), "GITHUB_RUN_ID", "42"));
        var builder = new ProcessBuilder("sh", "-e", "-c", (String) step.get("run"));
        var path = builder.environment().get("PATH");
        builder.environment().clear();
        builder.environment().put("PATH", path);
        builder.environment().putAll(environment);
        var process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .isZero();
        assertThat(Files.readString(outputs)).isEqualTo("gate=" + GATE + "\nchange=" + CHANGE + "\ndecision=ALLOWED\n");
        assertThat(requests.getFirst().body()).contains("\"actor\":\"octocat\"");
    }
}
