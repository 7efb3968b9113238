package io.passerelle.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.passerelle.testkit.DeployTarget;
import io.passerelle.testkit.GitHub;
import io.passerelle.testkit.Http;
import io.passerelle.testkit.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The golden path on real processes: Keycloak, the four services and the gateway started by infra/bin/stack against
 * the machine's PostgreSQL and RabbitMQ; every call goes through the gateway with real tokens.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedStack.class)
class GoldenPathE2ETest {

    static final String CHECKOUT = "checkout";
    static final String CHECKOUT_REPO = "octo-org/octo-repo";
    static final String CHECKOUT_SECRET = "checkout-webhook-secret-0123456789";
    static final String SHA = "3484a3fb816e0859fd6e1cea078d76385ff50625";
    static final String PAYMENTS = "payments";
    static final String BULK = "ledger";
    static final String SECRET = "another-webhook-secret-0123456789";
    /** The trace the checkout pipeline's webhook arrives in, as a traced proxy in front of Passerelle would send it. */
    static final String PIPELINE_TRACE = "5b8efff798038103d269b633813fc60c";

    static Stack stack = Stack.fromEnvironment();
    static Tokens tokens = new Tokens(Stack.KEYCLOAK);
    static DeployTarget target;
    /** Another host: its failures open its own circuit breaker, not the healthy target's. */
    static DeployTarget broken;
    static Path vectors;
    static String rhea;
    static String alice;
    static String bob;
    static String sam;

    @BeforeAll
    static void up() throws Exception {
        var root = Path.of(System.getenv().getOrDefault("PASSERELLE_ROOT", "..")).toAbsolutePath().normalize();
        vectors = root.getParent().resolve("shared/vectors");
        Assumptions.assumeTrue(java.nio.file.Files.isDirectory(vectors),
                "shared test vectors not found at ../shared/vectors: the end-to-end test needs GitHub deliveries; skipped");
        target = new DeployTarget(tokens);
        target.trust(CHECKOUT, CHECKOUT_SECRET);
        target.trust(PAYMENTS, SECRET);
        target.trust(BULK, SECRET);
        broken = new DeployTarget(tokens);
        broken.trust(PAYMENTS, SECRET);
        rhea = tokens.user("rhea");
        alice = tokens.user("alice");
        bob = tokens.user("bob");
        sam = tokens.user("sam");
    }

    @AfterAll
    static void down() {
        if (target != null) {
            target.close();
            broken.close();
        }
    }

    @Test
    @Order(1)
    void the_catalog_is_protected_validated_and_keeps_secrets_unreadable() {
        var checkout = service(CHECKOUT, CHECKOUT_REPO, CHECKOUT_SECRET, List.of(
                env("staging", 1, false, target.url("/ok")), env("production", 2, true, target.url("/ok"))));

        assertThat(Http.post(api("/services"), null, checkout).status()).isEqualTo(401);
        assertThat(Http.post(api("/services"), sam, checkout).status()).isEqualTo(403);
        var withUnknownField = new java.util.HashMap<>(checkout);
        withUnknownField.put("owner", "someone");
        var refused = Http.post(api("/services"), rhea, withUnknownField);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");

        var created = Http.post(api("/services"), rhea, checkout);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.raw()).doesNotContain(CHECKOUT_SECRET);
        assertThat(Http.get(api("/services/" + CHECKOUT), rhea).raw()).doesNotContain(CHECKOUT_SECRET);

        assertThat(Http.post(api("/services"), rhea, service(PAYMENTS, "octo-org/payments", SECRET,
                List.of(env("staging", 1, false, broken.url("/broken")))))
                .status()).isEqualTo(201);
        assertThat(Http.post(api("/services"), rhea, service(BULK, "octo-org/ledger", SECRET,
                List.of(env("staging", 1, false, target.url("/ok"))))).status()).isEqualTo(201);
    }

    @Test
    @Order(2)
    void a_webhook_with_a_bad_or_missing_signature_is_refused() {
        awaitCatalogued(CHECKOUT_REPO, CHECKOUT_SECRET);
        var payload = GitHub.workflowRun(vectors, CHECKOUT_REPO, SHA, 1);
        assertThat(GitHub.deliver(Stack.GATEWAY, payload, "not-the-secret-at-all-000000", GitHub.newDeliveryId()).status()).isEqualTo(401);
        var unsigned = Http.send("POST", Stack.GATEWAY + "/webhooks/github", null, Http.JSON.writeValueAsBytes(payload),
                Map.of("X-GitHub-Event", "workflow_run", "X-GitHub-Delivery", GitHub.newDeliveryId()));
        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(unsigned.contentType()).startsWith("application/problem+json");
    }

    @Test
    @Order(3)
    void a_green_pipeline_raises_a_standard_change_and_deploys_through_the_target() {
        var delivery = GitHub.newDeliveryId();
        var payload = GitHub.workflowRun(vectors, CHECKOUT_REPO, SHA, 289782451L);
        assertThat(GitHub.deliver(Stack.GATEWAY, payload, CHECKOUT_SECRET, delivery,
                Map.of("traceparent", "00-" + PIPELINE_TRACE + "-eee19b7ec3c1b174-01")).status()).isEqualTo(202);
        var replay = GitHub.deliver(Stack.GATEWAY, payload, CHECKOUT_SECRET, delivery);
        assertThat(replay.status()).isEqualTo(409);

        var staging = awaitDeployment(CHECKOUT, "staging", d -> "SUCCEEDED".equals(d.path("state").asString()));
        assertThat(staging.path("commitSha").asString()).isEqualTo(SHA);
        var change = awaitChange(CHECKOUT, c -> staging.path("id").asString().equals(c.path("deploymentId").asString())
                && "CLOSED".equals(c.path("state").asString()));
        assertThat(change.path("type").asString()).isEqualTo("STANDARD");
        assertThat(target.callsFor(CHECKOUT)).singleElement().satisfies(call -> {
            assertThat(call.signatureValid()).isTrue();
            assertThat(call.environment()).isEqualTo("staging");
            assertThat(call.commitSha()).isEqualTo(SHA);
        });

        // success promotes to production, which requires approval: a NORMAL change waits
        var production = awaitDeployment(CHECKOUT, "production", d -> "PLANNED".equals(d.path("state").asString()));
        var normal = awaitChange(CHECKOUT, c -> production.path("id").asString().equals(c.path("deploymentId").asString()));
        assertThat(normal.path("type").asString()).isEqualTo("NORMAL");
        assertThat(normal.path("state").asString()).isEqualTo("PENDING_APPROVAL");
    }

    @Test
    @Order(4)
    void a_normal_change_is_never_approved_by_its_requester() {
        var raised = Http.post(api("/changes"), alice, Map.of("service", CHECKOUT, "environment", "production",
                "title", "Rotate the TLS certificate", "type", "NORMAL"));
        assertThat(raised.status()).as(raised.raw()).isEqualTo(201);
        var id = raised.body().path("id").asString();
        assertThat(raised.body().path("requestedBy").asString()).isEqualTo("alice");

        var own = Http.post(api("/changes/" + id + "/approve"), alice, Map.of());
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.body().path("type").asString()).endsWith("/segregation-of-duties");
        assertThat(Http.post(api("/changes/" + id + "/approve"), sam, Map.of()).status()).isEqualTo(403);
        var approved = Http.post(api("/changes/" + id + "/approve"), bob, Map.of("comment", "fine"));
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        assertThat(approved.body().path("state").asString()).isEqualTo("SCHEDULED");
    }

    @Test
    @Order(5)
    void an_approved_production_change_deploys_and_closes() {
        var production = awaitDeployment(CHECKOUT, "production", d -> true);
        var change = awaitChange(CHECKOUT, c -> production.path("id").asString().equals(c.path("deploymentId").asString()));
        assertThat(change.path("requestedBy").asString()).isEqualTo("pipeline:Codertocat");
        // the realm maps bob to the GitHub login Codertocat, whose push this is: he may not approve it
        var own = Http.post(api("/changes/" + change.path("id").asString() + "/approve"), bob, Map.of());
        assertThat(own.status()).as(own.raw()).isEqualTo(403);
        assertThat(own.body().path("type").asString()).endsWith("/segregation-of-duties");
        var approved = Http.post(api("/changes/" + change.path("id").asString() + "/approve"), alice, Map.of());
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);

        awaitDeployment(CHECKOUT, "production", d -> "SUCCEEDED".equals(d.path("state").asString()));
        awaitChange(CHECKOUT, c -> change.path("id").asString().equals(c.path("id").asString())
                && "CLOSED".equals(c.path("state").asString()));
    }

    @Test
    @Order(6)
    void a_deploy_target_that_fails_fails_the_deployment_and_its_change() {
        awaitCatalogued("octo-org/payments", SECRET);
        var payload = GitHub.workflowRun(vectors, "octo-org/payments", "aaaabbbbccccddddeeeeffff0000111122223333", 7);
        assertThat(GitHub.deliver(Stack.GATEWAY, payload, SECRET, GitHub.newDeliveryId()).status()).isEqualTo(202);

        var failed = awaitDeployment(PAYMENTS, "staging", d -> "FAILED".equals(d.path("state").asString()));
        var change = awaitChange(PAYMENTS, c -> failed.path("id").asString().equals(c.path("deploymentId").asString())
                && "REVIEW".equals(c.path("state").asString()));
        assertThat(change.path("outcome").asString()).isEqualTo("FAILED");

        // the failed change asks for a post-implementation review, which only a change manager writes
        var review = api("/changes/" + change.path("id").asString() + "/review");
        assertThat(Http.post(review, rhea, Map.of("review", "not mine to write")).status()).isEqualTo(403);
        var reviewed = Http.post(review, alice, Map.of("review", "the target was down; a health check now gates it"));
        assertThat(reviewed.status()).as(reviewed.raw()).isEqualTo(200);
        assertThat(reviewed.body().path("state").asString()).isEqualTo("CLOSED");
        assertThat(reviewed.body().path("review").path("by").asString()).isEqualTo("alice");
        assertThat(broken.callsFor(PAYMENTS)).hasSize(3); // three attempts with back-off, then it gives up
    }

    @Test
    @Order(7)
    void a_firing_alert_opens_an_incident_with_the_deployment_as_top_suspect_and_its_resolution_resolves_it() {
        var production = awaitDeployment(CHECKOUT, "production", d -> "SUCCEEDED".equals(d.path("state").asString()));
        var startsAt = Instant.now();
        var firing = alertmanager("firing", startsAt, null);

        assertThat(Http.post(Stack.GATEWAY + "/webhooks/alertmanager", null, firing).status()).isEqualTo(401);
        assertThat(Http.post(Stack.GATEWAY + "/webhooks/alertmanager", alice, firing).status()).isEqualTo(403);
        var monitoring = tokens.monitoring();
        assertThat(Http.post(Stack.GATEWAY + "/webhooks/alertmanager", monitoring, firing).status()).isEqualTo(202);

        var incident = awaitIncident(CHECKOUT, i -> "NEW".equals(i.path("state").asString()));
        var top = incident.path("suspects").get(0);
        assertThat(top.path("deploymentId").asString()).isEqualTo(production.path("id").asString());
        // the only deployment in the window, moments before: 0.7 × recency ≈ 1, + 0.1 as the only one (ADR 0004)
        assertThat(top.path("score").asDouble()).isGreaterThan(0.75);
        assertThat(top.path("reason").asString()).contains("the only deployment in the 24h window", "0.7 × recency");

        // Alertmanager repeats a firing notification: still one incident
        assertThat(Http.post(Stack.GATEWAY + "/webhooks/alertmanager", monitoring, firing).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> incident(incident).path("occurrences").asInt() == 2);
        assertThat(incidents(CHECKOUT)).hasSize(1);

        var resolved = alertmanager("resolved", startsAt, startsAt.plusSeconds(90));
        assertThat(Http.post(Stack.GATEWAY + "/webhooks/alertmanager", monitoring, resolved).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> "RESOLVED".equals(incident(incident).path("state").asString()));
        assertThat(incident(incident).path("timeToRestoreSeconds").asLong()).isEqualTo(90);
    }

    @Test
    @Order(8)
    void the_service_desk_logs_an_incident_by_hand_with_suspects() {
        var logged = Http.post(api("/incidents"), sam, Map.of("service", CHECKOUT, "environment", "staging",
                "title", "Customers cannot pay", "impact", "HIGH", "urgency", "MEDIUM"));
        assertThat(logged.status()).as(logged.raw()).isEqualTo(201);
        assertThat(logged.body().path("priority").asString()).isEqualTo("P2");
        assertThat(logged.body().path("suspects")).isNotEmpty();
        assertThat(Http.post(api("/incidents"), rhea, Map.of("service", CHECKOUT, "environment", "staging",
                "title", "x", "impact", "HIGH", "urgency", "HIGH")).status()).isEqualTo(403);
    }

    /**
     * Issue 5, defect 2 and issue 8: a deployment whose target leaves the report to the test stays IN_PROGRESS; an
     * unsigned callback, or one signed with another service's deployment's credential, changes nothing; signed with
     * its own credential it succeeds and promotes it, and the same signed delivery replayed is refused.
     */
    @Test
    @Order(9)
    void only_a_callback_signed_with_the_deployment_s_own_credential_reports_its_outcome_and_only_once() {
        var service = "refunds";
        var repository = "octo-org/refunds";
        target.trust(service, SECRET);
        assertThat(Http.post(api("/services"), rhea, service(service, repository, SECRET, List.of(
                env("staging", 1, false, target.url("/manual")), env("production", 2, true, target.url("/ok")))))
                .status()).isEqualTo(201);
        awaitCatalogued(repository, SECRET);
        var payload = GitHub.workflowRun(vectors, repository, "feedfacecafebeef0123456789abcdef01234567", 9);
        assertThat(GitHub.deliver(Stack.GATEWAY, payload, SECRET, GitHub.newDeliveryId()).status()).isEqualTo(202);
        var staging = awaitDeployment(service, "staging", d -> "IN_PROGRESS".equals(d.path("state").asString()));
        var id = staging.path("id").asString();
        var change = awaitChange(service, c -> id.equals(c.path("deploymentId").asString()));
        var ownToken = target.callsFor(service).getFirst().callbackToken();
        var anotherServicesToken = target.callsFor(CHECKOUT).getFirst().callbackToken();
        var callback = Stack.GATEWAY + "/api/v1/executors/webhook/deployments/" + id + "/outcome";
        var succeeded = DeployTarget.outcome("SUCCEEDED");
        var pipeline = tokens.pipeline();

        var unsigned = Http.send("POST", callback, pipeline, succeeded, Map.of());
        assertThat(unsigned.status()).as(unsigned.raw()).isEqualTo(401);
        assertThat(unsigned.contentType()).startsWith("application/problem+json");
        assertThat(unsigned.body().path("type").asString()).endsWith("/callback-signature");
        var forged = target.replay(callback, succeeded, DeployTarget.signedCallback(anotherServicesToken, succeeded));
        assertThat(forged.status()).as(forged.raw()).isEqualTo(403);
        assertThat(forged.contentType()).startsWith("application/problem+json");
        assertThat(forged.body().path("type").asString()).endsWith("/callback-signature");

        var after = Http.get(api("/deployments/" + id), rhea).body();
        assertThat(after.path("state").asString()).isEqualTo("IN_PROGRESS");
        assertThat(after.path("finishedAt").isMissingNode() || after.path("finishedAt").isNull())
                .as("no finishedAt: %s", after).isTrue();
        assertThat(deployments(service)).hasSize(1);
        assertThat(Http.get(api("/changes/" + change.path("id").asString()), rhea).body().path("state").asString())
                .isEqualTo(change.path("state").asString()).isNotEqualTo("CLOSED");

        var ownHeaders = DeployTarget.signedCallback(ownToken, succeeded);
        var own = target.replay(callback, succeeded, ownHeaders);
        assertThat(own.status()).as(own.raw()).isEqualTo(200);
        assertThat(own.body().path("result").asString()).isEqualTo("recorded");
        var replayed = target.replay(callback, succeeded, ownHeaders);
        assertThat(replayed.status()).as(replayed.raw()).isEqualTo(409);
        assertThat(replayed.body().path("type").asString()).endsWith("/replayed-delivery");
        awaitDeployment(service, "production", d -> "PLANNED".equals(d.path("state").asString()));
        awaitChange(service, c -> id.equals(c.path("deploymentId").asString()) && "CLOSED".equals(c.path("state").asString()));
    }

    @Test
    @Order(10)
    void tokens_from_another_issuer_are_refused_by_the_gateway_and_by_every_service() {
        var foreign = Http.form(Stack.KEYCLOAK + "/realms/master/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"));
        assertThat(Http.get(api("/changes"), foreign).status()).isEqualTo(401);
        for (int port = 8081 + Stack.OFFSET; port <= 8084 + Stack.OFFSET; port++) {
            var direct = Http.get("http://127.0.0.1:" + port + "/api/v1/anything", foreign);
            assertThat(direct.status()).as("service on port %d", port).isEqualTo(401);
            assertThat(direct.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    @Order(11)
    void each_service_serves_its_contract_and_swagger_ui() {
        var services = Map.of(8081, "change-service", 8082, "incident-service", 8083, "release-service",
                8084, "integration-service");
        services.forEach((port, name) -> {
            var base = "http://127.0.0.1:" + (port + Stack.OFFSET);
            var contract = Http.get(base + "/" + name + ".yaml", null);
            assertThat(contract.status()).as(name).isEqualTo(200);
            assertThat(contract.raw()).startsWith("openapi: 3.1");
            assertThat(Http.get(base + "/swagger-ui/index.html", null).status()).as(name).isEqualTo(200);
        });
    }

    @Test
    @Order(12)
    void every_consumer_queue_is_a_quorum_queue_with_a_delivery_limit_and_a_dead_letter_queue() throws Exception {
        var process = new ProcessBuilder("rabbitmqctl", "-q", "list_queues", "-p", "passerelle-e2e", "name", "type",
                "arguments").redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes());
        Assumptions.assumeTrue(process.waitFor() == 0, "rabbitmqctl is not available here: " + output);
        for (var service : List.of("change-service", "incident-service", "release-service", "integration-service")) {
            var queue = output.lines().filter(l -> l.startsWith("passerelle.events." + service + "\t")).findFirst();
            assertThat(queue).as(service).hasValueSatisfying(line -> assertThat(line)
                    .contains("quorum", "x-delivery-limit", "x-dead-letter-exchange"));
            assertThat(output).contains("passerelle.events." + service + ".dlq");
        }
    }

    @Test
    @Order(13)
    void an_operator_can_inspect_each_service_s_dead_letters_and_nobody_else() {
        var oscar = tokens.user("oscar");
        for (int port = 8081 + Stack.OFFSET; port <= 8084 + Stack.OFFSET; port++) {
            var url = "http://127.0.0.1:" + port + "/actuator/deadletters";
            var letters = Http.get(url, oscar);
            assertThat(letters.status()).as(url).isEqualTo(200);
            assertThat(letters.body().path("queue").asString()).endsWith(".dlq");
            assertThat(Http.get(url, alice).status()).as(url).isEqualTo(403);
            assertThat(Http.get(url, null).status()).as(url).isEqualTo(401);
        }
    }

    @Test
    @Order(14)
    void make_demo_drives_the_golden_path_to_an_incident_whose_top_suspect_is_its_deployment() throws Exception {
        var root = Path.of(System.getenv().getOrDefault("PASSERELLE_ROOT", "..")).toAbsolutePath().normalize();
        var demo = new ProcessBuilder("python3", root.resolve("infra/bin/demo.py").toString())
                .redirectErrorStream(true);
        demo.environment().put("PASSERELLE_STACK", "e2e");
        demo.environment().put("PASSERELLE_DEMO_TARGET_PORT", "18099");
        var process = demo.start();
        var output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
        assertThat(output).contains("STANDARD", "SUCCEEDED", "top suspect", "held by Demo freeze",
                "went out on its own", "hears ALLOWED", "the CDEvents Passerelle told the toolchain",
                "told the toolchain as CDEvents", "Golden path done");
    }

    /**
     * One pipeline is one trace: the webhook at the gateway, integration-service, the events through each outbox
     * and queue to release-, change- and back to integration-service, the deploy call, the target's callback, and the
     * deployment's outcome reaching every consumer, incident-service included. Read from Zipkin, where every app
     * exports its spans; the logs carry the same trace id.
     */
    @Test
    @Order(15)
    void one_pipeline_is_one_trace_across_the_gateway_and_all_four_services() throws Exception {
        var spans = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .pollInterval(java.time.Duration.ofSeconds(2))
                .until(() -> Http.get(Stack.ZIPKIN + "/api/v2/trace/" + PIPELINE_TRACE, null).body(),
                        trace -> trace.isArray() && services(trace).containsAll(List.of("gateway",
                                "integration-service", "release-service", "change-service", "incident-service"))
                                && hasSpan(trace, "integration-service", "CLIENT", "")
                                && hasSpan(trace, "integration-service", "SERVER", "/outcome"));

        assertThat(spans.valueStream().map(span -> span.path("traceId").asString())).containsOnly(PIPELINE_TRACE);
        assertThat(spans.valueStream().map(span -> span.path("name").asString()))
                .contains("handle pipeline.succeeded.v1", "handle deployment.planned.v1", "handle change.authorized.v1",
                        "handle deployment.requested.v1", "handle deployment.succeeded.v1",
                        "publish pipeline.succeeded.v1", "publish deployment.succeeded.v1");
        var root = stack.root();
        for (var app : List.of("integration-service", "release-service", "change-service")) {
            assertThat(java.nio.file.Files.readString(root.resolve(".run/e2e/logs/" + app + ".log")))
                    .as("%s log lines carry the trace id", app).contains(PIPELINE_TRACE);
        }
    }

    private static java.util.Set<String> services(JsonNode trace) {
        return trace.valueStream().map(span -> span.path("localEndpoint").path("serviceName").asString())
                .collect(java.util.stream.Collectors.toSet());
    }

    private static boolean hasSpan(JsonNode trace, String service, String kind, String path) {
        return trace.valueStream().anyMatch(span -> service.equals(span.path("localEndpoint").path("serviceName").asString())
                && kind.equals(span.path("kind").asString())
                && (path.isEmpty() || span.path("tags").path("http.url").asString().contains(path)
                        || span.path("tags").path("uri").asString().contains(path)
                        || span.path("name").asString().contains(path)));
    }

    /**
     * Production asks for two approvals for checkout; a change manager's and a CAB member's complete them. An
     * emergency change goes by the emergency policy instead: one emergency approver.
     */
    @Test
    @Order(16)
    void a_two_approver_policy_is_completed_by_a_cab_member_and_an_emergency_change_goes_by_its_own_policy() {
        var carol = tokens.user("carol");
        var definition = Map.<String, Object>of("service", CHECKOUT, "approvalsRequired", 2,
                "approverRoles", List.of("change-manager", "cab-member"), "anyRejectionRejects", true);
        assertThat(put("/approval-policies/production", carol, definition).status()).isEqualTo(403);
        var policy = put("/approval-policies/production", alice, definition);
        assertThat(policy.status()).as(policy.raw()).isEqualTo(200);
        int version = policy.body().path("version").asInt();

        var raised = Http.post(api("/changes"), rhea, Map.of("service", CHECKOUT, "environment", "production",
                "title", "Rotate the signing key", "type", "NORMAL"));
        assertThat(raised.status()).as(raised.raw()).isEqualTo(201);
        var approve = api("/changes/" + raised.body().path("id").asString() + "/approve");
        var first = Http.post(approve, bob, Map.of());
        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        assertThat(first.body().path("state").asString()).isEqualTo("PENDING_APPROVAL");
        var second = Http.post(approve, carol, Map.of("comment", "CAB agrees"));
        assertThat(second.status()).as(second.raw()).isEqualTo(200);
        assertThat(second.body().path("state").asString()).isEqualTo("SCHEDULED");
        assertThat(second.body().path("decidedUnder").path("service").asString()).isEqualTo(CHECKOUT);
        assertThat(second.body().path("decidedUnder").path("version").asInt()).isEqualTo(version);
        assertThat(Http.get(api("/approval-policies"), carol).body().valueStream()
                .anyMatch(p -> CHECKOUT.equals(p.path("service").asString()) && p.path("version").asInt() == version))
                .isTrue();

        // an emergency change is decided under the emergency policy: one approval by an emergency approver
        var emergency = Http.post(api("/changes"), rhea, Map.of("service", CHECKOUT, "environment", "production",
                "title", "Roll back the broken release", "type", "EMERGENCY"));
        assertThat(emergency.status()).as(emergency.raw()).isEqualTo(201);
        var erin = Http.post(api("/changes/" + emergency.body().path("id").asString() + "/approve"),
                tokens.user("erin"), Map.of("comment", "outage"));
        assertThat(erin.status()).as(erin.raw()).isEqualTo(200);
        assertThat(erin.body().path("state").asString()).isEqualTo("SCHEDULED");
        assertThat(erin.body().path("decidedUnder").path("version").asInt()).isZero();
    }

    /**
     * A change raised by hand goes through the ITIL lifecycle by the people allowed to move it: its requester
     * implements and completes it (anyone else without the change manager role is refused), a failed completion
     * needs its reason, and one not started yet is cancelled.
     */
    @Test
    @Order(17)
    void a_change_raised_by_hand_is_implemented_completed_or_cancelled_by_its_requester() {
        var raised = Http.post(api("/changes"), rhea, Map.of("service", PAYMENTS, "environment", "staging",
                "title", "Renew the TLS certificate", "type", "NORMAL"));
        assertThat(raised.status()).as(raised.raw()).isEqualTo(201);
        // its risk counts the payments deployment that failed earlier in this suite (Order 6)
        assertThat(raised.body().path("risk").path("factors").valueStream()
                .filter(f -> "recent-failures".equals(f.path("name").asString())).findFirst().orElseThrow()
                .path("value").asDouble()).isPositive();
        var change = api("/changes/" + raised.body().path("id").asString());
        assertThat(Http.post(change + "/approve", alice, Map.of()).status()).isEqualTo(200);

        assertThat(Http.post(change + "/implement", sam, Map.of()).status()).isEqualTo(403);
        var started = Http.post(change + "/implement", rhea, Map.of("comment", "window open"));
        assertThat(started.status()).as(started.raw()).isEqualTo(200);
        assertThat(started.body().path("state").asString()).isEqualTo("IMPLEMENTING");
        var unexplained = Http.post(change + "/complete", rhea, Map.of("outcome", "BACKED_OUT"));
        assertThat(unexplained.status()).as(unexplained.raw()).isEqualTo(400);
        assertThat(unexplained.contentType()).startsWith("application/problem+json");
        var completed = Http.post(change + "/complete", rhea, Map.of("outcome", "SUCCESSFUL"));
        assertThat(completed.status()).as(completed.raw()).isEqualTo(200);
        assertThat(completed.body().path("state").asString()).isEqualTo("CLOSED");
        assertThat(completed.body().path("outcome").asString()).isEqualTo("SUCCESSFUL");
        assertThat(Http.get(change, sam).body().path("auditTrail").valueStream().map(a -> a.path("action").asString())
                .toList()).containsExactly("RAISED", "ASSESSED", "SUBMITTED", "APPROVED", "STARTED", "CLOSED");

        var withdrawn = Http.post(api("/changes"), rhea, Map.of("service", PAYMENTS, "environment", "staging",
                "title", "Resize the database", "type", "NORMAL"));
        var cancelled = Http.post(api("/changes/" + withdrawn.body().path("id").asString() + "/cancel"), rhea,
                Map.of("reason", "postponed to next quarter"));
        assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);
        assertThat(cancelled.body().path("state").asString()).isEqualTo("CANCELLED");
    }

    /**
     * A recurring freeze holds a pipeline's deployment: its change is authorized (standard, pre-approved by a template)
     * but held, nothing is dispatched; change-service is killed while it is held and comes back after the freeze is
     * over, and the deployment goes out on its own — once. The template pre-approves production only: the staging
     * change is standard because staging needs no approval, and says there is no template for it.
     */
    @Test
    @Order(18)
    void a_recurring_freeze_holds_a_deployment_which_goes_out_on_its_own_after_it_even_with_change_service_killed() {
        var service = "orders";
        var registered = Http.post(api("/services"), rhea, service(service, "octo-org/orders", SECRET, List.of(
                env("staging", 1, false, target.url("/ok")), env("production", 2, true, target.url("/ok")))));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        target.trust(service, SECRET);
        awaitCatalogued("octo-org/orders", SECRET);
        var template = Http.post(api("/standard-changes"), alice, Map.of("name", "Orders releases",
                "description", "green pipeline on the default branch", "services", List.of(service),
                "environments", List.of("production"), "maxRiskScore", 60));
        assertThat(template.status()).as(template.raw()).isEqualTo(201);
        var now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        var end = now.plusSeconds(30);
        var window = Map.of("name", "Orders nightly batch",
                "reason", "the nightly batch must not meet a deployment", "start", now.minusSeconds(60).toString(),
                "end", end.toString(), "timeZone", "Europe/Paris", "recurrence", "FREQ=DAILY;COUNT=7",
                "scope", Map.of("services", List.of(service)));
        assertThat(Http.post(api("/freeze-windows"), rhea, window).status()).isEqualTo(403);
        var freeze = Http.post(api("/freeze-windows"), alice, window);
        assertThat(freeze.status()).as(freeze.raw()).isEqualTo(201);

        var sha = "0f0e0d0c0b0a09080706050403020100f0e0d0c0";
        assertThat(GitHub.deliver(Stack.GATEWAY, GitHub.workflowRun(vectors, "octo-org/orders", sha, 9101), SECRET,
                GitHub.newDeliveryId()).status()).isEqualTo(202);
        var staging = awaitChange(service, c -> "staging".equals(c.path("environment").asString())
                && !c.path("hold").isMissingNode());
        assertThat(staging.path("type").asString()).isEqualTo("STANDARD");
        assertThat(staging.path("state").asString()).isEqualTo("SCHEDULED");
        assertThat(staging.path("hold").path("windows").get(0).asString()).isEqualTo("Orders nightly batch");
        assertThat(Instant.parse(staging.path("hold").path("until").asString())).isEqualTo(end);
        assertThat(staging.path("risk").path("score").isInt()).isTrue();
        var detail = Http.get(api("/changes/" + staging.path("id").asString()), sam).body();
        assertThat(detail.path("auditTrail").valueStream().map(a -> a.path("detail").asString()))
                .anyMatch(d -> d.contains("no standard-change template: no template for staging"));

        stack.killNow("change-service");
        try {
            assertThat(deployments(service)).singleElement()
                    .satisfies(d -> assertThat(d.path("state").asString()).isEqualTo("PLANNED"));
            assertThat(target.callsFor(service)).isEmpty();
            await().atMost(Duration.ofSeconds(60)).until(() -> Instant.now().isAfter(end.plusSeconds(2)));
        } finally {
            stack.start("change-service");
        }

        var production = awaitChange(service, c -> "production".equals(c.path("environment").asString())
                && "CLOSED".equals(c.path("state").asString()));
        assertThat(production.path("standardTemplate").path("id").asString())
                .isEqualTo(template.body().path("id").asString());
        var released = Http.get(api("/changes/" + staging.path("id").asString()), sam).body();
        assertThat(released.path("state").asString()).isEqualTo("CLOSED");
        assertThat(released.path("auditTrail").valueStream().map(a -> a.path("action").asString()).toList())
                .containsSubsequence("HELD", "RELEASED", "STARTED", "CLOSED");
        assertThat(target.callsFor(service)).hasSize(2); // staging once, then production, each once
        var calendar = Http.get(api("/calendar.ics"), alice);
        assertThat(calendar.status()).isEqualTo(200);
        assertThat(calendar.contentType()).startsWith("text/calendar");
        assertThat(calendar.raw()).contains("BEGIN:VCALENDAR", "SUMMARY:Freeze: Orders nightly batch", "RRULE:FREQ=DAILY;COUNT=7");
    }

    /**
     * A pipeline that deploys itself waits at a gate with the CLI (`infra/bin/passerelle`, a shell and curl) through
     * the gateway with its own client credentials: the person who triggered it (Codertocat, whom the realm maps to bob)
     * cannot approve its change, another change manager does, and the waiting CLI exits 0 at once; it reports the
     * outcome, which closes the change. A rejected gate exits 1, one nobody decides exits 2 at its timeout.
     */
    @Test
    @Order(19)
    void a_pipeline_waits_at_a_gate_with_the_cli_until_a_change_manager_approves_then_reports_its_outcome()
            throws Exception {
        var service = "gated";
        var registered = Http.post(api("/services"), rhea, service(service, "octo-org/gated", SECRET, List.of(
                env("staging", 1, false, target.url("/ok")), env("production", 2, true, target.url("/ok")))));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        awaitCatalogued("octo-org/gated", SECRET);

        var approvedRun = gate(service, "1111111111111111111111111111111111111111", 120);
        var change = awaitChange(service, c -> "PENDING_APPROVAL".equals(c.path("state").asString()));
        assertThat(change.path("requestedBy").asString()).isEqualTo("pipeline:Codertocat");
        var approve = api("/changes/" + change.path("id").asString() + "/approve");
        var own = Http.post(approve, bob, Map.of());
        assertThat(own.status()).as("bob is Codertocat on GitHub: %s", own.raw()).isEqualTo(403);
        assertThat(approvedRun.isAlive()).isTrue();
        var approved = Http.post(approve, alice, Map.of("comment", "ship it"));
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        long decided = System.nanoTime();
        assertThat(approvedRun.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        var output = new String(approvedRun.getInputStream().readAllBytes());
        System.out.printf("gate: approval accepted → waiting CLI exited in %d ms%n",
                (System.nanoTime() - decided) / 1_000_000);
        assertThat(approvedRun.exitValue()).as(output).isZero();
        assertThat(output).contains("decision=ALLOWED", "change=" + change.path("id").asString());
        var gateId = output.lines().filter(l -> l.startsWith("gate=")).findFirst().orElseThrow().substring(5);

        var outcome = cli("outcome", "--gate", gateId, "--result", "SUCCEEDED");
        assertThat(outcome.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(outcome.exitValue()).as(new String(outcome.getInputStream().readAllBytes())).isZero();
        awaitChange(service, c -> change.path("id").asString().equals(c.path("id").asString())
                && "CLOSED".equals(c.path("state").asString()));
        assertThat(deployments(service)).singleElement()
                .satisfies(d -> assertThat(d.path("state").asString()).isEqualTo("SUCCEEDED"));
        assertThat(target.callsFor(service)).as("a gated deployment is the pipeline's own").isEmpty();

        var refusedRun = gate(service, "2222222222222222222222222222222222222222", 120);
        var second = awaitChange(service, c -> "PENDING_APPROVAL".equals(c.path("state").asString()));
        assertThat(Http.post(api("/changes/" + second.path("id").asString() + "/reject"), alice,
                Map.of("reason", "not during the sale")).status()).isEqualTo(200);
        assertThat(refusedRun.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        var refusal = new String(refusedRun.getInputStream().readAllBytes());
        assertThat(refusedRun.exitValue()).as(refusal).isEqualTo(1);
        assertThat(refusal).contains("decision=REFUSED", "not during the sale");

        var undecided = gate(service, "3333333333333333333333333333333333333333", 3);
        assertThat(undecided.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        var timedOut = new String(undecided.getInputStream().readAllBytes());
        assertThat(undecided.exitValue()).as(timedOut).isEqualTo(2);
        assertThat(timedOut).contains("decision=PENDING");
    }

    /** {@code passerelle gate} for that commit of the service in production, as Codertocat's run, started. */
    private static Process gate(String service, String sha, int timeoutSeconds) throws Exception {
        return cli("gate", "--service", service, "--environment", "production", "--sha", sha, "--run-url",
                "https://github.com/octo-org/" + service + "/actions/runs/" + sha.substring(0, 6), "--actor",
                "Codertocat", "--timeout", Integer.toString(timeoutSeconds));
    }

    /** The pipeline client, with the CI's client credentials, against the end-to-end stack's gateway. */
    private static Process cli(String... args) throws Exception {
        var root = Path.of(System.getenv().getOrDefault("PASSERELLE_ROOT", "..")).toAbsolutePath().normalize();
        var command = new ArrayList<String>(List.of("sh", root.resolve("infra/bin/passerelle").toString()));
        command.addAll(List.of(args));
        var process = new ProcessBuilder(command).redirectErrorStream(true);
        process.environment().put("PASSERELLE_URL", Stack.GATEWAY);
        process.environment().put("PASSERELLE_TOKEN_URL", Stack.KEYCLOAK
                + "/realms/passerelle/protocol/openid-connect/token");
        process.environment().put("PASSERELLE_CLIENT_ID", "passerelle-ci");
        process.environment().put("PASSERELLE_CLIENT_SECRET", "passerelle-ci-secret");
        return process.start();
    }

    /**
     * The change-enablement endpoints not walked above, through the gateway with real tokens: the calendar, ending a
     * freeze window, environment profiles and the live risk they move, a template's next version and its retirement;
     * each write refused to a role that may not make it.
     */
    @Test
    @Order(21)
    void change_managers_end_freezes_profile_environments_and_version_templates_through_the_gateway() {
        var now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        var window = Map.of("name", "Checkout audit", "reason", "auditors in the building",
                "start", now.plusSeconds(3600).toString(), "end", now.plusSeconds(7200).toString(), "timeZone", "UTC",
                "scope", Map.of("services", List.of(CHECKOUT)));
        var declared = Http.post(api("/freeze-windows"), alice, window);
        assertThat(declared.status()).as(declared.raw()).isEqualTo(201);
        var end = api("/freeze-windows/" + declared.body().path("id").asString() + "/end");
        assertThat(Http.post(end, rhea, null).status()).isEqualTo(403);
        var ended = Http.post(end, alice, null);
        assertThat(ended.status()).as(ended.raw()).isEqualTo(200);
        assertThat(ended.body().path("endedBy").asString()).isEqualTo("alice");
        assertThat(Http.get(api("/freeze-windows?active=true"), sam).body().valueStream()
                .noneMatch(w -> "Checkout audit".equals(w.path("name").asString()))).isTrue();
        var calendar = Http.get(api("/calendar?from=" + now.minusSeconds(86_400) + "&to=" + now.plusSeconds(86_400)),
                sam);
        assertThat(calendar.status()).as(calendar.raw()).isEqualTo(200);
        assertThat(calendar.body().path("changes").isArray()).isTrue();

        var before = Http.get(api("/risk?service=" + CHECKOUT + "&environment=production"), rhea);
        assertThat(before.status()).as(before.raw()).isEqualTo(200);
        var profile = Map.of("criticality", "CRITICAL");
        assertThat(put("/environment-profiles/production", rhea, profile).status()).isEqualTo(403);
        assertThat(put("/environment-profiles/production", alice, profile).status()).isEqualTo(200);
        assertThat(Http.get(api("/environment-profiles"), rhea).body().valueStream()
                .anyMatch(p -> "production".equals(p.path("environment").asString()))).isTrue();
        var after = Http.get(api("/risk?service=" + CHECKOUT + "&environment=production"), rhea).body();
        assertThat(after.path("score").asInt()).as("a critical environment weighs more")
                .isGreaterThan(before.body().path("score").asInt());

        var definition = Map.<String, Object>of("name", "Checkout hotfixes", "description", "small fixes",
                "services", List.of(CHECKOUT), "environments", List.of("production"), "maxRiskScore", 30);
        var template = Http.post(api("/standard-changes"), alice, definition);
        assertThat(template.status()).as(template.raw()).isEqualTo(201);
        var path = "/standard-changes/" + template.body().path("id").asString();
        var tighter = new java.util.HashMap<>(definition);
        tighter.put("maxRiskScore", 20);
        assertThat(put(path, rhea, tighter).status()).isEqualTo(403);
        var second = put(path, alice, tighter);
        assertThat(second.status()).as(second.raw()).isEqualTo(200);
        assertThat(second.body().path("version").asInt()).isEqualTo(2);
        assertThat(Http.post(api(path + "/retire"), rhea, null).status()).isEqualTo(403);
        var retired = Http.post(api(path + "/retire"), alice, null);
        assertThat(retired.status()).as(retired.raw()).isEqualTo(200);
        assertThat(Http.get(api(path), tokens.pipeline()).body().path("status").asString()).isEqualTo("RETIRED");
    }

    private static Http.Response put(String path, String token, Object body) {
        return Http.send("PUT", api(path), token, Http.JSON.writeValueAsBytes(body), Map.of());
    }

    /**
     * Promotion a release manager decides, and a rollback: two releases of shipping reach staging on their own;
     * production (manual) waits for rhea; then staging's newest deployment is rolled back, as an emergency, to the
     * release before it, which goes out through the same target under its own emergency change.
     */
    @Test
    @Order(23)
    void a_release_manager_promotes_into_a_manual_environment_and_rolls_a_deployment_back() {
        var shipping = "shipping";
        var manual = new java.util.HashMap<>(env("production", 2, false, target.url("/ok")));
        manual.put("promotion", Map.of("mode", "manual"));
        target.trust(shipping, SECRET);
        assertThat(Http.post(api("/services"), rhea, service(shipping, "octo-org/shipping", SECRET,
                List.of(env("staging", 1, false, target.url("/ok")), manual))).status()).isEqualTo(201);
        awaitCatalogued("octo-org/shipping", SECRET);
        var first = "1111222233334444555566667777888899990000";
        var second = "aaaa222233334444555566667777888899990000";
        for (var sha : List.of(first, second)) {
            assertThat(GitHub.deliver(Stack.GATEWAY, GitHub.workflowRun(vectors, "octo-org/shipping", sha,
                    sha.hashCode() & 0xffff), SECRET, GitHub.newDeliveryId()).status()).isEqualTo(202);
            awaitDeployment(shipping, "staging", d -> sha.equals(d.path("commitSha").asString())
                    && "SUCCEEDED".equals(d.path("state").asString()));
        }
        assertThat(deployments(shipping)).as("production is manual: nothing planned on its own")
                .noneMatch(d -> "production".equals(d.path("environment").asString()));

        var releaseId = awaitDeployment(shipping, "staging", d -> second.equals(d.path("commitSha").asString()))
                .path("releaseId").asString();
        var promote = api("/releases/" + releaseId + "/promote");
        assertThat(Http.post(promote, alice, Map.of("environment", "production")).status()).isEqualTo(403);
        var badPromotion = Http.post(promote, rhea, Map.of("environment", "Production!"));
        assertThat(badPromotion.status()).isEqualTo(400);
        assertThat(badPromotion.contentType()).startsWith("application/problem+json");
        assertThat(Http.post(promote, rhea, Map.of("environment", "staging")).status()).isEqualTo(409);
        var promoted = Http.post(promote, rhea, Map.of("environment", "production"));
        assertThat(promoted.status()).as(promoted.raw()).isEqualTo(201);
        awaitDeployment(shipping, "production", d -> second.equals(d.path("commitSha").asString())
                && "SUCCEEDED".equals(d.path("state").asString()));

        var newest = awaitDeployment(shipping, "staging", d -> second.equals(d.path("commitSha").asString()));
        var rollback = api("/deployments/" + newest.path("id").asString() + "/rollback");
        assertThat(Http.post(rollback, alice, Map.of("reason", "error rate 30%")).status()).isEqualTo(403);
        var noReason = Http.post(rollback, rhea, Map.of("emergency", true));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.contentType()).startsWith("application/problem+json");
        var planned = Http.post(rollback, rhea, Map.of("reason", "error rate 30% since " + second.substring(0, 7),
                "emergency", true));
        assertThat(planned.status()).as(planned.raw()).isEqualTo(201);
        assertThat(planned.body().path("kind").asString()).isEqualTo("ROLLBACK");
        assertThat(planned.body().path("commitSha").asString()).isEqualTo(first);

        var emergency = awaitChange(shipping, c -> planned.body().path("id").asString()
                .equals(c.path("deploymentId").asString()));
        assertThat(emergency.path("type").asString()).isEqualTo("EMERGENCY");
        var approved = Http.post(api("/changes/" + emergency.path("id").asString() + "/approve"), alice, Map.of());
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        awaitDeployment(shipping, "staging", d -> planned.body().path("id").asString().equals(d.path("id").asString())
                && "SUCCEEDED".equals(d.path("state").asString()));
        var undone = api("/changes/" + newest.path("changeId").asString());
        awaitOne(() -> List.of(Http.get(undone, alice).body()),
                c -> c.path("auditTrail").toString().contains("BACKED_OUT"));
        assertThat(target.callsFor(shipping)).filteredOn(call -> "staging".equals(call.environment())
                && first.equals(call.commitSha())).hasSize(2);
    }

    /**
     * Last, because it kills a service: change-service is stopped while 60 pipelines report (a backlog in its queue),
     * restarted, and SIGKILLed again as soon as it has raised a change, so that it dies holding unacknowledged
     * messages (prefetch 16, two consumers); those it had committed must not be applied again. The kill must leave
     * messages in the queue for the test to prove anything (checked with rabbitmqctl): if the service was too quick,
     * another round with a new backlog follows, at most three.
     */
    @Test
    @Order(20)
    void no_event_is_lost_or_applied_twice_when_a_consumer_is_killed_mid_flow() {
        awaitCatalogued("octo-org/ledger", SECRET);
        int perRound = 60;
        var shas = new ArrayList<String>();
        int leftInQueue = 0;
        int rounds = 0;
        try {
            while (leftInQueue == 0 && rounds < 3) {
                rounds++;
                stack.start("change-service"); // up (again), to count what is already there
                int before = changeCount(BULK);
                stack.kill("change-service");
                for (int i = 0; i < perRound; i++) {
                    var sha = String.format("%040x", 0xABC000L + rounds * 1000L + i);
                    shas.add(sha);
                    assertThat(GitHub.deliver(Stack.GATEWAY, GitHub.workflowRun(vectors, "octo-org/ledger", sha,
                            5000 + rounds * 1000L + i), SECRET, GitHub.newDeliveryId()).status()).isEqualTo(202);
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> deployments(BULK).size() == shas.size());
                stack.start("change-service");
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                        .until(() -> changeCount(BULK) > before);
                stack.killNow("change-service");
                leftInQueue = Stack.queueDepth("passerelle.events.change-service");
                System.out.printf("round %d: change-service killed with %d messages left in its queue%n", rounds,
                        leftInQueue);
            }
        } finally {
            stack.start("change-service");
        }
        if (leftInQueue != -1) { // -1: no rabbitmqctl here to tell
            assertThat(leftInQueue).as("change-service must die mid-backlog for this test to prove anything")
                    .isPositive();
        }

        int runs = shas.size();
        await().atMost(Duration.ofSeconds(180)).until(() -> deployments(BULK).stream()
                .allMatch(d -> "SUCCEEDED".equals(d.path("state").asString())));
        await().atMost(Duration.ofSeconds(60)).until(() -> changes(BULK).stream()
                .allMatch(c -> "CLOSED".equals(c.path("state").asString())));
        var changes = changes(BULK);
        var deploymentIds = new HashSet<String>();
        changes.forEach(c -> deploymentIds.add(c.path("deploymentId").asString()));
        assertThat(changes).hasSize(runs);
        assertThat(deploymentIds).hasSize(runs);
        assertThat(deployments(BULK)).extracting(d -> d.path("commitSha").asString())
                .containsExactlyInAnyOrderElementsOf(shas);
        assertThat(target.callsFor(BULK)).extracting(DeployTarget.Call::deploymentId).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(deploymentIds);
    }

    /**
     * Releases from many pipelines, through the gateway with signed GitHub deliveries: staging requires build, test
     * and e2e on the commit. A failing test stops the release (its reason names the run), nothing is deployed; its
     * re-run turns it green and the release goes to staging once; the failed attempt delivered late changes nothing.
     */
    @Test
    @Order(22)
    void a_release_waits_for_every_required_workflow_and_a_green_re_run_releases_it() {
        var service = "matrix";
        var repository = "octo-org/matrix";
        target.trust(service, SECRET);
        var withRequiredChecks = new java.util.HashMap<>(env("staging", 1, false, target.url("/ok")));
        withRequiredChecks.put("requiredChecks", List.of("build", "test", "e2e", "e2e"));
        var duplicate = Http.post(api("/services"), rhea, service(service, repository, SECRET, List.of(withRequiredChecks)));
        assertThat(duplicate.status()).as(duplicate.raw()).isEqualTo(400);
        assertThat(duplicate.contentType()).startsWith("application/problem+json");
        withRequiredChecks.put("requiredChecks", List.of("build", "test", "e2e"));
        assertThat(Http.post(api("/services"), sam, service(service, repository, SECRET, List.of(withRequiredChecks)))
                .status()).isEqualTo(403);
        var registered = Http.post(api("/services"), rhea, service(service, repository, SECRET, List.of(withRequiredChecks)));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        assertThat(registered.body().path("environments").get(0).path("requiredChecks").size()).isEqualTo(3);
        awaitCatalogued(repository, SECRET);

        var sha = "4444444444444444444444444444444444444444";
        for (var run : List.of(GitHub.workflowRun(vectors, repository, sha, 901, "build", 1, "success"),
                GitHub.workflowRun(vectors, repository, sha, 902, "test", 1, "failure"),
                GitHub.workflowRun(vectors, repository, sha, 903, "e2e", 1, "success"))) {
            assertThat(GitHub.deliver(Stack.GATEWAY, run, SECRET, GitHub.newDeliveryId()).status()).isEqualTo(202);
        }
        var stopped = awaitOne(() -> list("/releases?service=" + service),
                r -> "STOPPED".equals(r.path("awaiting").path("state").asString()) && r.path("checks").size() == 3);
        assertThat(stopped.path("awaiting").path("reason").asString())
                .contains("'test' is failure", "https://github.com/" + repository + "/actions/runs/902");
        assertThat(stopped.path("headCommitAt").asString()).isEqualTo("2020-10-05T16:32:07Z");
        assertThat(deployments(service)).isEmpty();

        var rerun = GitHub.workflowRun(vectors, repository, sha, 902, "test", 2, "success");
        assertThat(GitHub.deliver(Stack.GATEWAY, rerun, SECRET, GitHub.newDeliveryId()).status()).isEqualTo(202);
        awaitDeployment(service, "staging", d -> "SUCCEEDED".equals(d.path("state").asString()));
        var late = GitHub.workflowRun(vectors, repository, sha, 902, "test", 1, "failure");
        assertThat(GitHub.deliver(Stack.GATEWAY, late, SECRET, GitHub.newDeliveryId()).status()).isEqualTo(202);

        var released = awaitOne(() -> list("/releases?service=" + service), r -> r.path("awaiting").isMissingNode());
        assertThat(released.path("checks")).filteredOn(c -> "test".equals(c.path("name").asString()))
                .singleElement().satisfies(c -> {
                    assertThat(c.path("runAttempt").asInt()).isEqualTo(2);
                    assertThat(c.path("conclusion").asString()).isEqualTo("success");
                });
        assertThat(list("/releases?service=" + service)).hasSize(1);
        assertThat(deployments(service)).hasSize(1);
        assertThat(target.callsFor(service)).hasSize(1);
    }

    /**
     * Emergency change and rollback from an incident (issue 9, ADR 0020): two releases of basket reach production,
     * whose incident rollback policy rolls back the last deployment when a P1 starts within 10 minutes of it; a freeze
     * is declared over basket; sam reports a P1, and release-service proposes the rollback at once: an EMERGENCY
     * change that waits for erin, passes the freeze, and puts the first release back through the same target; the
     * incident's rollback shows the proposal, the approval and the outcome, in order.
     */
    @Test
    @Order(32)
    void a_p1_right_after_a_deployment_gets_it_rolled_back_through_a_freeze_once_an_emergency_approver_agrees() {
        var basket = "basket";
        var production = new java.util.HashMap<>(env("production", 1, false, target.url("/ok")));
        production.put("incidentRollback", Map.of("p1Within", "PT10M"));
        target.trust(basket, SECRET);
        var badPolicy = new java.util.HashMap<>(production);
        badPolicy.put("incidentRollback", Map.of("p1Within", "ten minutes"));
        var refused = Http.post(api("/services"), rhea, service(basket, "octo-org/basket", SECRET, List.of(badPolicy)));
        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        assertThat(refused.body().path("detail").asString()).contains("environments[0].incidentRollback.p1Within");
        var registered = Http.post(api("/services"), rhea, service(basket, "octo-org/basket", SECRET, List.of(production)));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        assertThat(registered.body().path("environments").get(0).path("incidentRollback").path("p1Within").asString())
                .isEqualTo("PT10M");
        awaitCatalogued("octo-org/basket", SECRET);
        var first = "b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1";
        var second = "b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2";
        var last = deployBoth(basket, "octo-org/basket", first, second);
        declareFreeze(basket, "Basket sale weekend");

        var otto = tokens.user("otto");
        var incidentId = reportP1(basket, "Baskets empty themselves");
        var rollbacks = api("/incidents/" + incidentId + "/rollbacks");
        assertThat(Http.get(rollbacks, null).status()).isEqualTo(401);
        assertThat(Http.get(rollbacks, tokens.pipeline()).status()).isEqualTo(403);
        var malformed = Http.get(api("/incidents/not-an-id/rollbacks"), otto);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");

        var planned = awaitDeployment(basket, "production", d -> "ROLLBACK".equals(d.path("kind").asString()));
        assertThat(planned.path("incidentId").asString()).isEqualTo(incidentId);
        assertThat(planned.path("rollbackOf").asString()).isEqualTo(last.path("id").asString());
        assertThat(planned.path("commitSha").asString()).isEqualTo(first);
        assertThat(planned.path("automatic").asBoolean()).isFalse();
        var emergency = awaitChange(basket, c -> planned.path("id").asString().equals(c.path("deploymentId").asString()));
        assertThat(emergency.path("type").asString()).isEqualTo("EMERGENCY");
        assertThat(emergency.path("state").asString()).isEqualTo("PENDING_APPROVAL");
        awaitOne(() -> list(rollbacks, otto), r -> "AWAITING_APPROVAL".equals(r.path("state").asString()));
        var approve = api("/changes/" + emergency.path("id").asString() + "/approve");
        assertThat(Http.post(approve, otto, Map.of()).status()).as("on-call does not approve changes").isEqualTo(403);
        var approved = Http.post(approve, tokens.user("erin"), Map.of("comment", "roll it back"));
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        assertThat(Http.get(api("/changes/" + emergency.path("id").asString()), alice).body().path("auditTrail")
                .valueStream().map(a -> a.path("action").asString())).as("the freeze holds basket").contains("PASSED_FREEZE");

        awaitDeployment(basket, "production", d -> planned.path("id").asString().equals(d.path("id").asString())
                && "SUCCEEDED".equals(d.path("state").asString()));
        assertThat(target.callsFor(basket)).filteredOn(call -> first.equals(call.commitSha())).hasSize(2);
        var rollback = awaitOne(() -> list(rollbacks, otto), r -> "ROLLED_BACK".equals(r.path("state").asString()));
        assertThat(rollback.path("changeId").asString()).isEqualTo(emergency.path("id").asString());
        assertThat(rollback.path("timeline").valueStream().map(l -> l.path("text").asString()).toList())
                .satisfiesExactly(
                        l -> assertThat(l).startsWith("rollback proposed: deployment " + planned.path("id").asString()),
                        l -> assertThat(l).contains("EMERGENCY change", "waiting for the emergency approvers"),
                        l -> assertThat(l).endsWith("approved: authorized by erin"),
                        l -> assertThat(l).startsWith("rolled back: " + first.substring(0, 12) + " is back in production"));
        var stillOpen = Http.get(api("/incidents/" + incidentId), sam).body().path("resolvedAt");
        assertThat(stillOpen.isNull() || stillOpen.isMissingNode()).as("resolving is still the alert's or a person's")
                .isTrue();
    }

    /**
     * An automatic policy (issue 9, ADR 0020): a P1 after wishlist's only release is told there is nothing to roll
     * back to; after the second release, the next P1 has it rolled back at once, its EMERGENCY change authorized by the
     * environment's policy, no approver involved.
     */
    @Test
    @Order(33)
    void an_automatic_policy_rolls_back_without_an_approver_and_with_nothing_before_the_incident_is_told_why() {
        var wishlist = "wishlist";
        var production = new java.util.HashMap<>(env("production", 1, false, target.url("/ok")));
        production.put("incidentRollback", Map.of("p1Within", "PT10M", "automatic", true));
        target.trust(wishlist, SECRET);
        assertThat(Http.post(api("/services"), rhea, service(wishlist, "octo-org/wishlist", SECRET, List.of(production)))
                .status()).isEqualTo(201);
        awaitCatalogued("octo-org/wishlist", SECRET);
        var otto = tokens.user("otto");
        var first = "c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1";
        var second = "c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2";
        deploy(wishlist, "octo-org/wishlist", first);

        var alone = reportP1(wishlist, "Wishes vanish");
        var declined = awaitOne(() -> list(api("/incidents/" + alone + "/rollbacks"), otto),
                r -> "DECLINED".equals(r.path("state").asString()));
        assertThat(declined.path("declinedReason").asString()).contains("nothing to roll back to");
        assertThat(declined.path("timeline").get(0).path("text").asString()).startsWith("no rollback of deployment ")
                .contains("nothing to roll back to");
        assertThat(deployments(wishlist)).noneMatch(d -> "ROLLBACK".equals(d.path("kind").asString()));

        deploy(wishlist, "octo-org/wishlist", second);
        var incidentId = reportP1(wishlist, "Wishes vanish again");
        var planned = awaitDeployment(wishlist, "production", d -> "ROLLBACK".equals(d.path("kind").asString()));
        assertThat(planned.path("automatic").asBoolean()).isTrue();
        var change = awaitChange(wishlist, c -> planned.path("id").asString().equals(c.path("deploymentId").asString()));
        assertThat(change.path("type").asString()).isEqualTo("EMERGENCY");
        assertThat(change.path("authorizedBy").asString()).isEqualTo("passerelle:environment-policy");
        assertThat(Http.get(api("/changes/" + change.path("id").asString()), alice).body().path("auditTrail")
                .valueStream().map(a -> a.path("detail").asString()))
                .contains("authorized at once by the incident rollback policy of production (automatic) for incident "
                        + incidentId);
        awaitDeployment(wishlist, "production", d -> planned.path("id").asString().equals(d.path("id").asString())
                && "SUCCEEDED".equals(d.path("state").asString()));
        var rollback = awaitOne(() -> list(api("/incidents/" + incidentId + "/rollbacks"), otto),
                r -> "ROLLED_BACK".equals(r.path("state").asString()));
        assertThat(rollback.path("automatic").asBoolean()).isTrue();
        assertThat(rollback.path("timeline").valueStream().map(l -> l.path("text").asString()).toList())
                .satisfiesExactly(
                        l -> assertThat(l).contains("the environment's incident rollback policy authorizes at once"),
                        l -> assertThat(l).contains("raised for the rollback, authorized at once"),
                        l -> assertThat(l).contains("authorized at once by the environment's incident rollback policy"),
                        l -> assertThat(l).startsWith("rolled back: " + first.substring(0, 12)));
    }

    /** Two green pipelines on {@code first}, then {@code second}, each deployed by the target: the second deployment. */
    static JsonNode deployBoth(String service, String repository, String first, String second) {
        deploy(service, repository, first);
        return deploy(service, repository, second);
    }

    static JsonNode deploy(String service, String repository, String sha) {
        return deploy(service, repository, "production", sha);
    }

    /** A green pipeline at {@code sha}: its deployment to {@code environment}, once it SUCCEEDED. */
    static JsonNode deploy(String service, String repository, String environment, String sha) {
        assertThat(GitHub.deliver(Stack.GATEWAY, GitHub.workflowRun(vectors, repository, sha, sha.hashCode() & 0xffff),
                SECRET, GitHub.newDeliveryId()).status()).isEqualTo(202);
        return awaitDeployment(service, environment, d -> sha.equals(d.path("commitSha").asString())
                && "SUCCEEDED".equals(d.path("state").asString()));
    }

    /** alice freezes the service for a day from now, once change-service knows it. */
    static void declareFreeze(String service, String name) {
        var now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        var window = Map.of("name", name, "reason", "no change but emergencies", "start", now.minusSeconds(60).toString(),
                "end", now.plusSeconds(86_400).toString(), "timeZone", "UTC",
                "scope", Map.of("services", List.of(service)));
        await().atMost(Duration.ofSeconds(30)).until(() -> Http.post(api("/freeze-windows"), alice, window).status() == 201);
    }

    /** sam reports a P1 (high impact, high urgency) on the service's production, starting now: its id. */
    static String reportP1(String service, String title) {
        var reported = Http.post(api("/incidents"), sam, Map.of("service", service, "environment", "production",
                "title", title, "impact", "HIGH", "urgency", "HIGH"));
        assertThat(reported.status()).as(reported.raw()).isEqualTo(201);
        assertThat(reported.body().path("priority").asString()).isEqualTo("P1");
        return reported.body().path("id").asString();
    }

    static List<JsonNode> list(String url, String token) {
        var response = Http.get(url, token);
        assertThat(response.status()).as(url + " " + response.raw()).isEqualTo(200);
        var items = new ArrayList<JsonNode>();
        response.body().forEach(items::add);
        return items;
    }

    // ---- helpers

    static String api(String path) {
        return Stack.GATEWAY + "/api/v1" + path;
    }

    /**
     * Executor types in the catalog through the gateway (issue 8). The Argo CD double that checks Passerelle's calls
     * against Argo CD's swagger lives in integration-service's tests (ExecutorsIntegrationTest runs the executor end
     * to end there); it does not move to the test kit cleanly (it reads the vendor's API description from that
     * module's resources), so this path stays with what the catalog takes and refuses.
     */
    @Test
    @Order(25)
    void an_argocd_environment_keeps_its_token_write_only_and_targets_its_type_does_not_allow_are_refused() {
        var token = "argocd-token-never-returned-7f3a";
        var argocd = new java.util.HashMap<String, Object>(Map.of("type", "argocd", "url", "https://argocd.example",
                "settings", Map.of("application", "delivery", "project", "shop"), "credential", token));

        var created = Http.post(api("/services"), rhea, service("delivery", "octo-org/delivery", SECRET, List.of(
                Map.of("name", "staging", "order", 1, "requiresApproval", false, "deployTarget", argocd))));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        var target = created.body().get("environments").get(0).get("deployTarget");
        assertThat(target.get("type").asString()).isEqualTo("argocd");
        assertThat(target.get("settings").get("application").asString()).isEqualTo("delivery");
        assertThat(target.get("credentialConfigured").asBoolean()).isTrue();
        assertThat(created.raw()).doesNotContain(token);
        assertThat(Http.get(api("/services/delivery"), rhea).raw()).doesNotContain(token);

        var refusals = Map.of(
                "environments[0].deployTarget.credential: required for type argocd", Map.of("type", "argocd", "url",
                        "https://argocd.example", "settings", Map.of("application", "refused")),
                "environments[0].deployTarget.settings.application: required for type argocd", Map.of("type",
                        "argocd", "url", "https://argocd.example", "credential", token),
                "environments[0].deployTarget.settings.job: required for type jenkins", Map.of("type", "jenkins",
                        "url", "https://ci.example", "settings", Map.of("user", "ci"), "credential", token),
                "environments[0].deployTarget.url: http://169.254.169.254/ is refused", Map.of("type", "argocd",
                        "url", "http://169.254.169.254/", "settings", Map.of("application", "x"), "credential", token),
                "deployTarget.type", Map.of("type", "spinnaker", "url", "https://spinnaker.example"));
        refusals.forEach((detail, refused) -> {
            var answer = Http.post(api("/services"), rhea, service("refused", "octo-org/refused", SECRET, List.of(
                    Map.of("name", "staging", "order", 1, "requiresApproval", false, "deployTarget", refused))));
            assertThat(answer.status()).as(answer.raw()).isIn(400, 422);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.body().get("detail").asString()).contains(detail);
            assertThat(answer.raw()).doesNotContain(token);
        });
        assertThat(Http.get(api("/services/refused"), rhea).status()).isEqualTo(404);

        // Argo CD's notification endpoint passes the gateway without a bearer token; integration-service wants the
        // service's notification token (docs/executors/argocd.md) and writes nothing without it
        var notification = "{\"application\":\"delivery\",\"operationState\":{\"phase\":\"Succeeded\"}}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var unsigned = Http.send("POST", api("/executors/argocd/notifications"), null, notification,
                Map.of("Content-Type", "application/json"));
        assertThat(unsigned.status()).as(unsigned.raw()).isEqualTo(401);
        assertThat(unsigned.body().get("type").asString()).isEqualTo("https://passerelle.io/problems/callback-signature");
        var forged = Http.send("POST", api("/executors/argocd/notifications"), null, notification, Map.of(
                "Content-Type", "application/json", "X-Passerelle-Service", "delivery",
                "X-Passerelle-Token", "0".repeat(64)));
        assertThat(forged.status()).as(forged.raw()).isEqualTo(403);
    }

    /**
     * Issue 9, the incident lifecycle through the gateway with real tokens: the service desk logs an incident, otto (on
     * call) acknowledges it, notes what he tried, works it, puts it on hold and resumes it, resolves it; sam reopens it
     * (it was not fixed), it is resolved again and closed; the timeline shows every step, in order. The incident names
     * a service of its own, outside the catalog, so that its risk and soak effects touch nobody else's path.
     */
    @Test
    @Order(26)
    void an_incident_is_acknowledged_worked_resolved_reopened_resolved_again_and_closed_with_its_timeline_in_order() {
        var otto = tokens.user("otto");
        var logged = Http.post(api("/incidents"), sam, Map.of("service", "lifecycle", "environment", "production",
                "title", "Receipts are not e-mailed", "impact", "MEDIUM", "urgency", "HIGH"));
        assertThat(logged.status()).as(logged.raw()).isEqualTo(201);
        assertThat(logged.body().path("state").asString()).isEqualTo("NEW");
        var id = logged.body().path("id").asString();
        var path = "/incidents/" + id;

        assertThat(Http.post(api(path + "/start"), otto, null).status()).as("acknowledged first").isEqualTo(409);
        assertThat(Http.post(api(path + "/acknowledge"), tokens.monitoring(), null).status()).isEqualTo(403);
        assertThat(Http.post(api(path + "/acknowledge"), null, null).status()).isEqualTo(401);
        var acknowledged = Http.post(api(path + "/acknowledge"), otto, null);
        assertThat(acknowledged.status()).as(acknowledged.raw()).isEqualTo(200);
        assertThat(acknowledged.body().path("acknowledgedBy").asString()).isEqualTo("otto");
        assertThat(acknowledged.body().path("timeToAcknowledgeSeconds").isNumber()).isTrue();

        var tooLong = Http.post(api(path + "/notes"), otto, Map.of("text", "x".repeat(4001)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.contentType()).startsWith("application/problem+json");
        assertThat(Http.post(api(path + "/notes"), otto, Map.of("text", "the mail relay refuses our certificate"))
                .status()).isEqualTo(201);
        assertThat(Http.post(api(path + "/start"), otto, null).body().path("state").asString()).isEqualTo("IN_PROGRESS");
        var held = Http.post(api(path + "/hold"), otto, Map.of("reason", "waiting for the mail provider"));
        assertThat(held.body().path("holdReason").asString()).isEqualTo("waiting for the mail provider");
        assertThat(Http.post(api(path + "/resume"), otto, null).body().path("state").asString()).isEqualTo("IN_PROGRESS");
        var resolved = Http.post(api(path + "/resolve"), otto, null);
        assertThat(resolved.body().path("state").asString()).as(resolved.raw()).isEqualTo("RESOLVED");
        assertThat(Http.post(api(path + "/reopen"), otto, Map.of("reason", "x")).status())
                .as("reopening is the service desk's").isEqualTo(403);
        var reopened = Http.post(api(path + "/reopen"), sam, Map.of("reason", "receipts still missing for card payments"));
        assertThat(reopened.body().path("state").asString()).as(reopened.raw()).isEqualTo("IN_PROGRESS");
        assertThat(Http.post(api(path + "/resolve"), sam, null).body().path("resolvedBy").asString()).isEqualTo("sam");
        var closed = Http.post(api(path + "/close"), sam, null);
        assertThat(closed.body().path("state").asString()).as(closed.raw()).isEqualTo("CLOSED");
        assertThat(Http.post(api(path + "/notes"), otto, Map.of("text", "late")).status()).isEqualTo(409);

        var timeline = Http.get(api(path + "/timeline"), tokens.user("pia"));
        assertThat(timeline.status()).as(timeline.raw()).isEqualTo(200);
        var lines = new ArrayList<String>();
        timeline.body().forEach(e -> lines.add(e.path("kind").asString() + " " + e.path("actor").asString() + ": "
                + e.path("text").asString()));
        assertThat(lines).hasSize(11);
        assertThat(lines.get(2)).startsWith("STATE otto: acknowledged ");
        assertThat(lines).startsWith("OPENED sam: opened as P2: Receipts are not e-mailed",
                "SUSPECTS sam: no deployment is suspected");
        assertThat(lines.subList(3, lines.size())).containsExactly(
                "NOTE otto: the mail relay refuses our certificate",
                "STATE otto: work started",
                "STATE otto: on hold: waiting for the mail provider",
                "STATE otto: resumed",
                "STATE otto: resolved",
                "STATE sam: reopened: receipts still missing for card payments",
                "STATE sam: resolved",
                "STATE sam: closed");
        assertThat(Http.get(api(path + "/timeline"), tokens.monitoring()).status()).isEqualTo(403);
    }

    /**
     * Issue 9, lists of incidents through the gateway: filtered by state (several), priority, environment, assignee
     * and text, and paged by the Link header until there is no next page.
     */
    @Test
    @Order(27)
    void incidents_are_listed_by_every_filter_and_paged_by_the_link_header() {
        var service = "listing";
        var ids = new ArrayList<String>();
        for (var level : List.of("HIGH", "MEDIUM", "LOW")) {
            var logged = Http.post(api("/incidents"), sam, Map.of("service", service, "environment", "staging",
                    "title", "Listing " + level + " search-me", "impact", level, "urgency", level));
            assertThat(logged.status()).as(logged.raw()).isEqualTo(201);
            ids.add(0, logged.body().path("id").asString());
        }
        var otto = tokens.user("otto");
        assertThat(Http.post(api("/incidents/" + ids.get(0) + "/acknowledge"), otto, null).status()).isEqualTo(200);
        assertThat(put("/incidents/" + ids.get(0) + "/assignment", otto, Map.of("assignee", "otto")).status())
                .isEqualTo(200);

        assertThat(listed("/incidents?service=" + service)).containsExactlyElementsOf(ids);
        assertThat(listed("/incidents?service=" + service + "&state=NEW&state=ACKNOWLEDGED"))
                .containsExactlyElementsOf(ids);
        assertThat(listed("/incidents?service=" + service + "&state=NEW")).containsExactly(ids.get(1), ids.get(2));
        assertThat(listed("/incidents?service=" + service + "&priority=P1&priority=P5"))
                .containsExactly(ids.get(0), ids.get(2));
        assertThat(listed("/incidents?service=" + service + "&assignee=otto&environment=staging"))
                .containsExactly(ids.get(0));
        assertThat(listed("/incidents?service=" + service + "&text=SEARCH-ME&priority=P3"))
                .containsExactly(ids.get(1));
        assertThat(listed("/incidents?service=" + service + "&environment=production")).isEmpty();

        var seen = new ArrayList<String>();
        String next = "/api/v1/incidents?service=" + service + "&limit=2";
        var pages = 0;
        while (next != null) {
            var page = Http.get(Stack.GATEWAY + next, tokens.user("pia"));
            assertThat(page.status()).as(page.raw()).isEqualTo(200);
            page.body().forEach(i -> seen.add(i.path("id").asString()));
            pages++;
            next = page.header("Link").map(link -> link.replaceFirst("^<([^>]+)>; rel=\"next\"$", "$1")).orElse(null);
        }
        assertThat(pages).isEqualTo(2);
        assertThat(seen).containsExactlyElementsOf(ids);

        var refused = Http.get(api("/incidents?state=OPEN"), otto);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(Http.get(api("/incidents?cursor=bm90LWEtY3Vyc29y"), otto).status()).isEqualTo(400);
        assertThat(Http.get(api("/incidents"), tokens.monitoring()).status()).isEqualTo(403);
    }

    private static List<String> listed(String path) {
        return list(path).stream().map(i -> i.path("id").asString()).toList();
    }

    static Map<String, Object> service(String name, String repository, String secret, List<Map<String, Object>> envs) {
        return Map.of("name", name, "repository", repository, "defaultBranch", "master", "webhookSecret", secret,
                "environments", envs);
    }

    static Map<String, Object> env(String name, int order, boolean approval, String url) {
        return Map.of("name", name, "order", order, "requiresApproval", approval,
                "deployTarget", Map.of("type", "webhook", "url", url));
    }

    /**
     * The DORA figures of what the path above deployed, through the gateway: checkout's production deployment (order
     * 5) counts as a success, payments' failed staging deployment (order 6) as a failure not yet recovered from, each
     * listed behind its figure; the figures are for release and change managers and operators only, and a bad range
     * or an unknown service is a problem.
     */
    @Test
    @Order(24)
    void the_dora_figures_count_the_path_s_deployments_each_behind_its_number() {
        var production = awaitDeployment(CHECKOUT, "production", d -> "SUCCEEDED".equals(d.path("state").asString()));
        var checkout = Http.get(api("/metrics/dora?service=" + CHECKOUT), rhea);
        assertThat(checkout.status()).as(checkout.raw()).isEqualTo(200);
        var figures = checkout.body();
        assertThat(figures.path("scope").get(0).path("environment").asString()).isEqualTo("production");
        assertThat(figures.path("deploymentFrequency").path("successfulDeployments").asInt()).isPositive();
        assertThat(figures.path("deploymentFrequency").path("deployments").path("items").findValuesAsString("id"))
                .contains(production.path("id").asString());
        assertThat(figures.path("changeFailureRate").path("rate").asDouble()).isBetween(0.0, 1.0);

        var failed = awaitDeployment(PAYMENTS, "staging", d -> "FAILED".equals(d.path("state").asString()));
        var payments = Http.get(api("/metrics/dora?service=" + PAYMENTS + "&environment=staging"),
                tokens.user("oscar"));
        assertThat(payments.status()).as(payments.raw()).isEqualTo(200);
        var rate = payments.body().path("changeFailureRate");
        assertThat(rate.path("failures").asInt()).isPositive();
        assertThat(rate.path("failures").asInt()).isLessThanOrEqualTo(rate.path("finishedDeployments").asInt());
        assertThat(rate.path("deployments").path("items").findValuesAsString("id")).contains(failed.path("id").asString());
        assertThat(payments.body().path("failedDeploymentRecoveryTime").path("unrecovered").asInt()).isPositive();

        assertThat(Http.get(api("/metrics/dora?service=" + CHECKOUT), alice).status()).isEqualTo(200);
        var desk = Http.get(api("/metrics/dora?service=" + CHECKOUT), sam);
        assertThat(desk.status()).isEqualTo(403);
        var inverted = Http.get(api("/metrics/dora?service=" + CHECKOUT
                + "&from=2026-10-08T00:00:00Z&to=2026-10-01T00:00:00Z"), rhea);
        assertThat(inverted.status()).isEqualTo(400);
        assertThat(inverted.body().path("type").asString()).endsWith("/invalid-request");
        var tooLong = Http.get(api("/metrics/dora?service=" + CHECKOUT
                + "&from=2025-01-01T00:00:00Z&to=2026-10-01T00:00:00Z"), rhea);
        assertThat(tooLong.status()).isEqualTo(400);
        var unknown = Http.get(api("/metrics/dora?service=no-such-service"), rhea);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().path("type").asString()).endsWith("/not-found");
    }

    /**
     * Issue 9, Grafana intake: an operator sets Grafana's HMAC secret (the monitoring client cannot), then a Grafana
     * firing and resolved pair for checkout in production, each signed as Grafana signs it (hex HMAC-SHA256 of
     * "timestamp:body"), passes the gateway without a token, opens an incident with the alert's fingerprint and
     * resolves it; unsigned it is 401, the same signed request again 409, and the secret never comes back.
     */
    @Test
    @Order(28)
    void a_signed_grafana_firing_then_resolved_pair_opens_then_resolves_an_incident() throws Exception {
        var json = Map.of("Content-Type", "application/json");
        var settings = Http.JSON.writeValueAsBytes(Map.of("secret", GRAFANA_SECRET,
                "timestampHeader", "X-Grafana-Alerting-Timestamp"));
        assertThat(Http.send("PUT", api("/alert-sources/grafana"), tokens.monitoring(), settings, json).status())
                .isEqualTo(403);
        var set = Http.send("PUT", api("/alert-sources/grafana"), tokens.user("oscar"), settings, json);
        assertThat(set.status()).as(set.raw()).isEqualTo(200);
        assertThat(set.raw()).doesNotContain(GRAFANA_SECRET);

        var fingerprint = "9af" + Long.toHexString(System.nanoTime());
        var startsAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        var firing = grafana("firing", fingerprint, startsAt, null);
        var unsigned = Http.send("POST", Stack.GATEWAY + "/webhooks/grafana", null, firing, json);
        assertThat(unsigned.status()).as(unsigned.raw()).isEqualTo(401);
        assertThat(unsigned.contentType()).startsWith("application/problem+json");

        var signedFiring = grafanaSigned(firing);
        var fired = Http.send("POST", Stack.GATEWAY + "/webhooks/grafana", null, firing, signedFiring);
        assertThat(fired.status()).as(fired.raw()).isEqualTo(202);
        assertThat(fired.body().path("accepted").asInt()).isOne();
        assertThat(fired.body().path("unattributed").asInt()).isZero();
        var incident = awaitIncident(CHECKOUT, i -> fingerprint.equals(i.path("fingerprint").asString()));
        assertThat(incident.path("environment").asString()).isEqualTo("production");
        assertThat(incident.path("alertName").asString()).isEqualTo("CheckoutLatencyHigh");
        assertThat(incident.path("state").asString()).isNotEqualTo("RESOLVED");
        var replayed = Http.send("POST", Stack.GATEWAY + "/webhooks/grafana", null, firing, signedFiring);
        assertThat(replayed.status()).as(replayed.raw()).isEqualTo(409);

        var resolved = grafana("resolved", fingerprint, startsAt, startsAt.plusSeconds(90));
        var cleared = Http.send("POST", Stack.GATEWAY + "/webhooks/grafana", null, resolved, grafanaSigned(resolved));
        assertThat(cleared.status()).as(cleared.raw()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> "RESOLVED".equals(incident(incident).path("state").asString()));
        assertThat(incident(incident).path("timeToRestoreSeconds").asLong()).isEqualTo(90);
        assertThat(incidents(CHECKOUT).stream().filter(i -> fingerprint.equals(i.path("fingerprint").asString())))
                .hasSize(1);
    }

    static final String GRAFANA_SECRET = "grafana-contact-point-secret-0123";

    /** Grafana Alerting's default webhook payload for one alert of checkout in production. */
    static byte[] grafana(String status, String fingerprint, Instant startsAt, Instant endsAt) {
        var alert = new java.util.LinkedHashMap<String, Object>();
        alert.put("status", status);
        alert.put("labels", Map.of("alertname", "CheckoutLatencyHigh", "grafana_folder", "Shop", "app", CHECKOUT,
                "namespace", "production"));
        alert.put("annotations", Map.of("summary", "p99 latency above 2 s"));
        alert.put("startsAt", startsAt.toString());
        alert.put("endsAt", endsAt == null ? "0001-01-01T00:00:00Z" : endsAt.toString());
        alert.put("generatorURL", "http://grafana.example/alerting/grafana/shop-latency/view");
        alert.put("fingerprint", fingerprint);
        alert.put("silenceURL", "http://grafana.example/alerting/silence/new");
        alert.put("dashboardURL", "http://grafana.example/d/shop");
        alert.put("panelURL", "http://grafana.example/d/shop?viewPanel=2");
        alert.put("values", Map.of("B", 2.4, "C", 1));
        alert.put("valueString", "[ var='B' value=2.4 ]");
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("receiver", "passerelle");
        body.put("status", status);
        body.put("orgId", 1);
        body.put("alerts", List.of(alert));
        body.put("groupLabels", Map.of("alertname", "CheckoutLatencyHigh"));
        body.put("commonLabels", Map.of("alertname", "CheckoutLatencyHigh"));
        body.put("commonAnnotations", Map.of());
        body.put("externalURL", "http://grafana.example/");
        body.put("version", "1");
        body.put("groupKey", "{}:{alertname=\"CheckoutLatencyHigh\"}");
        body.put("truncatedAlerts", 0);
        body.put("title", "[" + status.toUpperCase(java.util.Locale.ROOT) + "] CheckoutLatencyHigh");
        body.put("state", endsAt == null ? "alerting" : "ok");
        body.put("message", "p99 latency above 2 s");
        return Http.JSON.writeValueAsBytes(body);
    }

    /** The headers Grafana sends with a contact point whose HMAC settings name a timestamp header. */
    static Map<String, String> grafanaSigned(byte[] body) throws Exception {
        var timestamp = Long.toString(Instant.now().getEpochSecond());
        var mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(GRAFANA_SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "HmacSHA256"));
        mac.update((timestamp + ":").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return Map.of("Content-Type", "application/json", "X-Grafana-Alerting-Timestamp", timestamp,
                "X-Grafana-Alerting-Signature", java.util.HexFormat.of().formatHex(mac.doFinal(body)));
    }

    /**
     * Issue 9, suspects a human decides: billing deploys to staging through its pipeline; sam reports an incident
     * there, whose top suspect is that deployment; otto (on-call) confirms it with a reason, which nobody without the
     * role or a reason can do; the deployment's change then says it caused the incident, and the DORA figures count
     * the deployment, which succeeded, as a change failure of billing in staging.
     */
    @Test
    @Order(29)
    void the_on_call_engineer_confirms_a_suspect_the_change_says_it_caused_the_incident_and_dora_counts_a_failure() {
        registerBilling();
        var deployment = deployBilling(BILLING_FIRST);
        var incident = reportBillingIncident("Invoices are not sent");
        var suspects = awaitSuspects(incident, deployment);
        assertThat(suspects.get(0).path("deploymentId").asString()).isEqualTo(deployment.path("id").asString());
        assertThat(suspects.get(0).path("reason").asString()).contains("succeeded in staging", "score");

        var confirm = api("/incidents/" + incident + "/suspects/" + deployment.path("id").asString() + "/confirm");
        var reason = Map.of("reason", "invoices stopped as this release reached staging");
        assertThat(Http.post(confirm, null, reason).status()).isEqualTo(401);
        assertThat(Http.post(confirm, rhea, reason).status()).isEqualTo(403);
        var noReason = Http.post(confirm, tokens.user("otto"), Map.of());
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.contentType()).startsWith("application/problem+json");
        var confirmed = Http.post(confirm, tokens.user("otto"), reason);
        assertThat(confirmed.status()).as(confirmed.raw()).isEqualTo(200);
        var top = confirmed.body().path("suspects").get(0);
        assertThat(top.path("decision").asString()).isEqualTo("CONFIRMED");
        assertThat(top.path("decidedBy").asString()).isEqualTo("otto");
        assertThat(top.path("decisionReason").asString()).isEqualTo(reason.get("reason"));

        var change = awaitChange(BILLING, c -> deployment.path("id").asString().equals(c.path("deploymentId").asString())
                && c.path("causedIncidents").size() == 1);
        assertThat(change.path("causedIncidents").get(0).path("incidentId").asString()).isEqualTo(incident);
        assertThat(change.path("causedIncidents").get(0).path("confirmedBy").asString()).isEqualTo("otto");
        var trail = Http.get(api("/changes/" + change.path("id").asString()), alice).body().path("auditTrail");
        assertThat(trail.get(trail.size() - 1).path("action").asString()).isEqualTo("CAUSED_INCIDENT");

        var failure = awaitOne(() -> {
            var dora = Http.get(api("/metrics/dora?service=" + BILLING + "&environment=staging"), rhea);
            assertThat(dora.status()).as(dora.raw()).isEqualTo(200);
            var items = new ArrayList<JsonNode>();
            dora.body().path("changeFailureRate").path("deployments").path("items").forEach(items::add);
            return items;
        }, d -> deployment.path("id").asString().equals(d.path("id").asString()));
        assertThat(failure.path("result").asString()).as("it succeeded, and caused an incident").isEqualTo("SUCCEEDED");
        assertThat(failure.path("causedIncidents").get(0).asString()).isEqualTo(incident);
    }

    /**
     * Issue 9: a second release of billing and a second incident; otto dismisses the older suspect with a reason (it
     * stays listed, with who and why); deciding it again, either way, is a conflict, and a deployment that is not a
     * suspect is not found.
     */
    @Test
    @Order(30)
    void a_dismissed_suspect_stays_listed_with_who_and_why_and_is_not_decided_twice() {
        var older = awaitDeployment(BILLING, "staging", d -> BILLING_FIRST.equals(d.path("commitSha").asString()));
        var newer = deployBilling(BILLING_SECOND);
        var incident = reportBillingIncident("Invoices are sent twice");
        awaitSuspects(incident, older);
        awaitSuspects(incident, newer);

        var otto = tokens.user("otto");
        var suspect = api("/incidents/" + incident + "/suspects/" + older.path("id").asString());
        var dismissed = Http.post(suspect + "/dismiss", otto, Map.of("reason", "older than the duplicates"));
        assertThat(dismissed.status()).as(dismissed.raw()).isEqualTo(200);
        var listed = suspects(dismissed.body()).stream()
                .filter(s -> older.path("id").asString().equals(s.path("deploymentId").asString())).findFirst()
                .orElseThrow();
        assertThat(listed.path("decision").asString()).isEqualTo("DISMISSED");
        assertThat(listed.path("decidedBy").asString()).isEqualTo("otto");
        assertThat(listed.path("decisionReason").asString()).isEqualTo("older than the duplicates");
        assertThat(incident(incident).path("suspects")).hasSize(2);

        var again = Http.post(suspect + "/dismiss", otto, Map.of("reason", "again"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().path("type").asString()).endsWith("/state-conflict");
        assertThat(Http.post(suspect + "/confirm", sam, Map.of("reason", "changed my mind")).status()).isEqualTo(409);
        var stranger = Http.post(api("/incidents/" + incident + "/suspects/" + java.util.UUID.randomUUID() + "/confirm"),
                otto, Map.of("reason", "not a suspect"));
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(stranger.contentType()).startsWith("application/problem+json");
    }

    static final String BILLING = "billing";
    static final String BILLING_FIRST = "b111222233334444555566667777888899990000";
    static final String BILLING_SECOND = "b222222233334444555566667777888899990000";

    static void registerBilling() {
        target.trust(BILLING, SECRET);
        var registered = Http.post(api("/services"), rhea, service(BILLING, "octo-org/billing", SECRET,
                List.of(env("staging", 1, false, target.url("/ok")))));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        awaitCatalogued("octo-org/billing", SECRET);
    }

    /** A green pipeline of billing at {@code sha}: its deployment to staging, once it SUCCEEDED. */
    static JsonNode deployBilling(String sha) {
        return deploy(BILLING, "octo-org/billing", "staging", sha);
    }

    /** sam logs an incident of billing in staging, started now; its id. */
    static String reportBillingIncident(String title) {
        var logged = Http.post(api("/incidents"), sam, Map.of("service", BILLING, "environment", "staging",
                "title", title, "impact", "MEDIUM", "urgency", "HIGH"));
        assertThat(logged.status()).as(logged.raw()).isEqualTo(201);
        return logged.body().path("id").asString();
    }

    /**
     * The incident's suspects once the deployment is among them: incident-service may hear of the deployment after
     * the incident opened, and then computes its suspects again.
     */
    static List<JsonNode> awaitSuspects(String incident, JsonNode deployment) {
        awaitOne(() -> suspects(incident(incident)),
                s -> deployment.path("id").asString().equals(s.path("deploymentId").asString()));
        return suspects(incident(incident));
    }

    static List<JsonNode> suspects(JsonNode incident) {
        var items = new ArrayList<JsonNode>();
        incident.path("suspects").forEach(items::add);
        return items;
    }

    /**
     * Problems and known errors (issue 9): pia raises a problem from checkout's incident, investigates it, records its
     * root cause and workaround as a known error matching checkout's HighErrorRate alert; the next such alert opens an
     * incident that has it suggested; the fix (a change of checkout) is named, the problem resolved and closed, and a
     * known error resolved is suggested no more. Refusals write nothing.
     */
    @Test
    @Order(31)
    void a_known_error_is_suggested_to_the_next_incident_it_matches_until_its_problem_is_resolved() {
        var pia = tokens.user("pia");
        var incident = awaitIncident(CHECKOUT, i -> true);
        var raise = Map.of("title", "checkout runs out of database connections", "service", CHECKOUT,
                "incidentIds", List.of(incident.path("id").asString()));
        assertThat(Http.post(api("/problems"), null, raise).status()).isEqualTo(401);
        assertThat(Http.post(api("/problems"), rhea, raise).status()).isEqualTo(403);
        var raised = Http.post(api("/problems"), pia, raise);
        assertThat(raised.status()).as(raised.raw()).isEqualTo(201);
        var problem = raised.body().path("id").asString();
        var path = "/problems/" + problem;
        assertThat(incident(incident).path("problems").findValuesAsString("problemId")).contains(problem);

        assertThat(Http.post(api(path + "/investigate"), pia, null).status()).isEqualTo(200);
        var neither = Http.post(api(path + "/known-error"), pia, Map.of("match", Map.of("service", CHECKOUT)));
        assertThat(neither.status()).as(neither.raw()).isEqualTo(422);
        assertThat(neither.contentType()).startsWith("application/problem+json");
        assertThat(Http.get(api(path), pia).body().path("state").asString()).isEqualTo("UNDER_INVESTIGATION");
        var known = Http.post(api(path + "/known-error"), pia, Map.of(
                "rootCause", "the connection pool is sized for 4 pods; autoscaling starts up to 12",
                "workaround", "restart the checkout pods one at a time",
                "match", Map.of("service", CHECKOUT, "alertName", "HighErrorRate")));
        assertThat(known.status()).as(known.raw()).isEqualTo(200);
        assertThat(known.body().path("state").asString()).isEqualTo("KNOWN_ERROR");

        var monitoring = tokens.monitoring();
        var startsAt = Instant.now();
        var fingerprint = "0ddba11000000031";
        assertThat(Http.post(Stack.GATEWAY + "/webhooks/alertmanager", monitoring,
                alertmanager("firing", startsAt, null, fingerprint)).status()).isEqualTo(202);
        var next = awaitIncident(CHECKOUT, i -> fingerprint.equals(i.path("fingerprint").asString())
                && !i.hasNonNull("resolvedAt"));
        var suggested = next.path("knownErrors").path(0);
        assertThat(suggested.path("problemId").asString()).isEqualTo(problem);
        assertThat(suggested.path("workaround").asString()).isEqualTo("restart the checkout pods one at a time");

        var link = api(path + "/incidents/" + next.path("id").asString());
        assertThat(Http.post(link, sam, null).status()).isEqualTo(200);
        assertThat(Http.post(link, pia, null).status()).as("linked once").isEqualTo(409);
        assertThat(incident(next).path("problems").findValuesAsString("problemId")).containsExactly(problem);

        var change = changes(CHECKOUT).getFirst().path("id").asString();
        var fix = Http.send("PUT", api(path + "/fix"), pia, Http.JSON.writeValueAsBytes(Map.of("changeId", change)),
                Map.of());
        assertThat(fix.status()).as(fix.raw()).isEqualTo(200);
        var resolved = Http.post(api(path + "/resolve"), pia, Map.of());
        assertThat(resolved.status()).as(resolved.raw()).isEqualTo(200);
        assertThat(resolved.body().path("fixChangeId").asString()).isEqualTo(change);
        var closed = Http.post(api(path + "/close"), pia, Map.of());
        assertThat(closed.status()).as(closed.raw()).isEqualTo(200);
        assertThat(closed.body().path("state").asString()).isEqualTo("CLOSED");
        assertThat(closed.body().path("incidents").findValuesAsString("incidentId"))
                .contains(incident.path("id").asString(), next.path("id").asString());
        var listed = Http.get(api("/problems?state=CLOSED&service=" + CHECKOUT), tokens.user("otto"));
        assertThat(listed.status()).as(listed.raw()).isEqualTo(200);
        assertThat(listed.body().findValuesAsString("id")).contains(problem);

        // the alert clears; the same alert again opens an incident with nothing suggested: the problem is resolved
        assertThat(Http.post(Stack.GATEWAY + "/webhooks/alertmanager", monitoring,
                alertmanager("resolved", startsAt, startsAt.plusSeconds(60), fingerprint)).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> incident(next).hasNonNull("resolvedAt"));
        var again = startsAt.plusSeconds(120);
        assertThat(Http.post(Stack.GATEWAY + "/webhooks/alertmanager", monitoring,
                alertmanager("firing", again, null, fingerprint)).status()).isEqualTo(202);
        var later = awaitIncident(CHECKOUT, i -> fingerprint.equals(i.path("fingerprint").asString())
                && !i.hasNonNull("resolvedAt"));
        assertThat(later.path("knownErrors")).isEmpty();
        assertThat(Http.post(Stack.GATEWAY + "/webhooks/alertmanager", monitoring,
                alertmanager("resolved", again, again.plusSeconds(60), fingerprint)).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> incident(later).hasNonNull("resolvedAt"));
    }

    static void awaitCatalogued(String repository, String secret) {
        GitHub.awaitCatalogued(Stack.GATEWAY, repository, secret, 30);
    }

    static Map<String, Object> alertmanager(String status, Instant startsAt, Instant endsAt) {
        return alertmanager(status, startsAt, endsAt, "c0ffee0123456789");
    }

    static Map<String, Object> alertmanager(String status, Instant startsAt, Instant endsAt, String fingerprint) {
        var alert = new java.util.HashMap<String, Object>();
        alert.put("status", status);
        alert.put("labels", Map.of("alertname", "HighErrorRate", "service", CHECKOUT, "environment", "production",
                "severity", "critical"));
        alert.put("annotations", Map.of("summary", "5xx above 5% on checkout"));
        alert.put("startsAt", startsAt.toString());
        alert.put("endsAt", endsAt == null ? "0001-01-01T00:00:00Z" : endsAt.toString());
        alert.put("generatorURL", "http://prometheus.example/graph");
        alert.put("fingerprint", fingerprint);
        return Map.of("version", "4", "groupKey", "{}:{alertname=\"HighErrorRate\"}", "truncatedAlerts", 0,
                "status", status, "receiver", "passerelle", "groupLabels", Map.of("alertname", "HighErrorRate"),
                "commonLabels", Map.of(), "commonAnnotations", Map.of(), "externalURL", "http://alertmanager.example",
                "alerts", List.of(alert));
    }

    static List<JsonNode> list(String path) {
        return list(api(path), rhea);
    }

    static List<JsonNode> deployments(String service) {
        return list("/deployments?service=" + service);
    }

    /** The number of changes of a service, or -1 while change-service cannot answer. */
    static int changeCount(String service) {
        var response = Http.get(api("/changes?service=" + service), rhea);
        return response.status() == 200 ? response.body().size() : -1;
    }

    static List<JsonNode> changes(String service) {
        return list("/changes?service=" + service);
    }

    static List<JsonNode> incidents(String service) {
        return list("/incidents?service=" + service);
    }

    static JsonNode incident(JsonNode incident) {
        return incident(incident.path("id").asString());
    }

    static JsonNode incident(String id) {
        return Http.get(api("/incidents/" + id), sam).body();
    }

    static JsonNode awaitDeployment(String service, String environment, Predicate<JsonNode> matches) {
        return awaitOne(() -> deployments(service), d -> environment.equals(d.path("environment").asString()) && matches.test(d));
    }

    static JsonNode awaitChange(String service, Predicate<JsonNode> matches) {
        return awaitOne(() -> changes(service), matches);
    }

    static JsonNode awaitIncident(String service, Predicate<JsonNode> matches) {
        return awaitOne(() -> incidents(service), matches);
    }

    static JsonNode awaitOne(java.util.function.Supplier<List<JsonNode>> items, Predicate<JsonNode> matches) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> items.get().stream().filter(matches).findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
    }
}
