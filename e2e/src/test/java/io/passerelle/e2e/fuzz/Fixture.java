package io.passerelle.e2e.fuzz;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.passerelle.testkit.GitHub;
import io.passerelle.testkit.Http;
import io.passerelle.testkit.Tokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the fuzzed calls point at, created through the gateway before the run: a catalogued service with a staging
 * and a production environment, a change waiting for approval, an open incident, a new problem raised from it. Also
 * the valid starting point of every call, the tokens of each role, and the anchors: what makes a call that writes fail
 * late (an unknown environment, a duplicate name, an unknown id) when its mutation alone does not break the contract.
 */
final class Fixture {

    static final String SERVICE = "fuzz";
    static final String REPOSITORY = "fuzz-org/fuzz";
    static final String SECRET = "fuzz-webhook-secret-0123456789";
    /** Never called: no delivery of the fixture's repository is ever signed. */
    static final String TARGET = "http://127.0.0.1:18099/deploy";
    static final List<String> ROLES = List.of("change-manager", "cab-member", "emergency-approver", "release-manager",
            "service-desk", "on-call", "problem-manager", "pipeline", "monitoring", "operator");

    private final Map<String, Supplier<String>> logins;
    private final Map<String, String> current = new ConcurrentHashMap<>();
    private final CallbackCredentials credentials = CallbackCredentials.fromStackKey();
    private volatile Instant fetched = Instant.EPOCH;
    final String changeId;
    final String incidentId;
    final String problemId;
    /** The fixture's clock: the same seed gives the same bytes for as long as this fixture lives. */
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    Fixture(Tokens tokens, String changeId, String incidentId, String problemId) {
        this.changeId = changeId;
        this.incidentId = incidentId;
        this.problemId = problemId;
        this.logins = Map.of("change-manager", () -> tokens.user("bob"), "cab-member", () -> tokens.user("carol"),
                "emergency-approver", () -> tokens.user("erin"), "release-manager", () -> tokens.user("rhea"),
                "service-desk", () -> tokens.user("sam"), "on-call", () -> tokens.user("otto"),
                "problem-manager", () -> tokens.user("pia"), "operator", () -> tokens.user("oscar"),
                "pipeline", tokens::pipeline, "monitoring", tokens::monitoring);
    }

    /**
     * Registers the service (or finds it from an earlier run), raises the change, logs the incident and raises a
     * problem from it.
     */
    static Fixture create(String gateway, Tokens tokens) {
        var rhea = tokens.user("rhea");
        var target = Map.<String, Object>of("type", "webhook", "url", TARGET);
        var registered = Http.post(gateway + "/api/v1/services", rhea, Map.of("name", SERVICE, "repository", REPOSITORY,
                "defaultBranch", "main", "webhookSecret", SECRET, "environments", List.of(
                        Map.of("name", "staging", "order", 1, "requiresApproval", false, "deployTarget", target),
                        Map.of("name", "production", "order", 2, "requiresApproval", true, "deployTarget", target))));
        if (registered.status() != 201 && registered.status() != 409) {
            throw new IllegalStateException("cannot register the fuzzing fixture: " + registered.status() + " " + registered.raw());
        }
        GitHub.awaitCatalogued(gateway, REPOSITORY, SECRET, 60);
        var change = retry(() -> Http.post(gateway + "/api/v1/changes", tokens.user("alice"), Map.of("service", SERVICE,
                "environment", "production", "title", "Fuzzing fixture", "type", "NORMAL")));
        var incident = retry(() -> Http.post(gateway + "/api/v1/incidents", tokens.user("sam"), Map.of("service", SERVICE,
                "environment", "staging", "title", "Fuzzing fixture", "impact", "LOW", "urgency", "LOW")));
        var problem = retry(() -> Http.post(gateway + "/api/v1/problems", tokens.user("pia"), Map.of("title",
                "Fuzzing fixture", "service", SERVICE, "incidentIds", List.of(incident.body().path("id").asString()))));
        return new Fixture(tokens, change.body().path("id").asString(), incident.body().path("id").asString(),
                problem.body().path("id").asString());
    }

    /** Each service learns the catalog from an event: the first calls may come before it has. */
    private static Http.Response retry(Supplier<Http.Response> call) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            var response = call.get();
            if (response.status() == 201) {
                return response;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("fixture not created: " + response.status() + " " + response.raw());
            }
            sleep(500);
        }
    }

    /** The current token of a role; fetched again every five minutes (they live fifteen). */
    String token(String role) {
        if (Duration.between(fetched, Instant.now()).toMinutes() >= 5) {
            synchronized (this) {
                if (Duration.between(fetched, Instant.now()).toMinutes() >= 5) {
                    logins.forEach((name, login) -> current.put(name, login.get()));
                    fetched = Instant.now();
                }
            }
        }
        return current.get(role);
    }

    /** The valid call: path values of existing things, a body that would be accepted as it is. */
    void start(Draft draft, SplittableRandom random) {
        var operation = draft.operation;
        for (var parameter : operation.in("path")) {
            draft.pathValues.put(parameter.name(), pathValue(operation, parameter, random));
        }
        for (var parameter : operation.in("header")) {
            var example = parameter.schema().node().get("example");
            var name = parameter.name().toLowerCase(java.util.Locale.ROOT);
            var value = switch (name) {
                case "x-github-delivery" -> new UUID(random.nextLong(), random.nextLong()).toString();
                case "x-passerelle-callback-token" -> credentials.issue(draft.pathValues.getOrDefault("id", ""));
                default -> example != null ? String.valueOf(example) : Examples.string(parameter.schema(), random);
            };
            draft.header(parameter.name(), value);
        }
        draft.header("Accept", "application/json");
        if (operation.body() != null) {
            draft.header("Content-Type", "application/json");
            draft.json = body(operation, random);
        }
        if (operation.authenticated()) {
            draft.role = operation.roles().isEmpty() ? "release-manager" : Fuzz.pick(random, operation.roles());
        }
    }

    private String pathValue(Operation operation, Operation.Parameter parameter, SplittableRandom random) {
        var path = operation.path();
        if (path.startsWith("/api/v1/changes/")) {
            return changeId;
        }
        if (path.startsWith("/api/v1/incidents/")) {
            return incidentId;
        }
        if (path.startsWith("/api/v1/problems/")) {
            return parameter.name().equals("incidentId") ? incidentId : problemId;
        }
        if (path.startsWith("/api/v1/services/")) {
            return SERVICE;
        }
        return Examples.string(parameter.schema(), random);
    }

    private JsonNode body(Operation operation, SplittableRandom random) {
        if (operation.id().equals("openGate")) {
            // a commit SHA and a login are beyond what Examples draws from a pattern: the fixture writes the body
            var gate = Fuzz.JSON.createObjectNode();
            gate.put("service", SERVICE).put("environment", "staging").put("commitSha", Fuzz.hex(random, 20))
                    .put("runUrl", "https://ci.example/fuzz/runs/" + (1 + random.nextInt(1 << 30))).put("actor", "fuzzer");
            return gate;
        }
        var body = Examples.of(operation.body(), random);
        if (!(body instanceof ObjectNode object)) {
            return body;
        }
        var hour = now.minus(1, ChronoUnit.HOURS).toString();
        switch (operation.id()) {
            case "raiseChange" -> object.put("service", SERVICE).put("environment", "production").put("type", "NORMAL")
                    .put("title", "Fuzzed change").put("description", "Generated by the fuzzing suite");
            case "reportIncident" -> object.put("service", SERVICE).put("environment", "staging").put("title", "Fuzzed incident")
                    .put("description", "Generated by the fuzzing suite").put("startedAt", hour);
            case "registerService" -> {
                var name = "fz-" + Fuzz.hex(random, 6);
                object.put("name", name).put("repository", "fuzz-org/" + name).put("defaultBranch", "main")
                        .put("webhookSecret", Fuzz.hex(random, 16));
                var environment = ((ArrayNode) object.get("environments")).objectNode().put("name", "staging")
                        .put("order", 1).put("requiresApproval", false);
                environment.putObject("deployTarget").put("type", "webhook").put("url", TARGET);
                object.putArray("environments").add(environment);
            }
            case "approveChange" -> object.put("comment", "Looks fine");
            case "rejectChange", "cancelChange", "holdIncident", "reopenIncident" -> object.put("reason", "Not now");
            case "addIncidentNote" -> object.put("text", "Generated by the fuzzing suite");
            case "changeIncidentPriority", "confirmSuspect", "dismissSuspect" -> object.put("reason", "Generated by the fuzzing suite");
            case "completeChange" -> object.put("outcome", "FAILED").put("reason", "Fuzzed outcome");
            case "reviewChange" -> object.put("review", "Generated by the fuzzing suite");
            case "reportDeploymentStatus" -> object.put("state", "FAILED").put("reason", "Fuzzed outcome");
            case "reportGateOutcome" -> object.put("result", "FAILED").put("reason", "Fuzzed outcome");
            case "receiveGithubDelivery" -> {
                var run = GitHub.workflowRun(REPOSITORY, "main", Fuzz.hex(random, 20), 1 + random.nextInt(1 << 30));
                ((ObjectNode) run.get("workflow_run")).put("updated_at", hour);
                return run;
            }
            case "receiveGrafanaNotification" -> {
                object.removeAll();
                object.put("version", "1").put("groupKey", "{}:{alertname=\"FuzzAlert\"}").put("truncatedAlerts", 0)
                        .put("orgId", 1).put("status", "firing").put("receiver", "passerelle")
                        .put("externalURL", "http://grafana.example/").put("title", "[FIRING:1] FuzzAlert")
                        .put("state", "alerting").put("message", "Generated by the fuzzing suite");
                object.putObject("groupLabels").put("alertname", "FuzzAlert");
                object.putObject("commonLabels");
                object.putObject("commonAnnotations");
                var alert = object.putArray("alerts").addObject();
                alert.put("status", "firing");
                alert.putObject("labels").put("alertname", "FuzzAlert").put("service", SERVICE).put("environment", "staging");
                alert.putObject("annotations").put("summary", "Generated by the fuzzing suite");
                alert.put("startsAt", hour).put("endsAt", "0001-01-01T00:00:00Z")
                        .put("generatorURL", "http://grafana.example/alerting/grafana/fuzz/view")
                        .put("fingerprint", Fuzz.hex(random, 8)).put("dashboardURL", "").put("panelURL", "");
                alert.putObject("values").put("B", 1.5);
            }
            case "receiveAlertmanagerNotification" -> {
                object.removeAll();
                object.put("version", "4").put("groupKey", "{}:{alertname=\"FuzzAlert\"}").put("truncatedAlerts", 0)
                        .put("status", "firing").put("receiver", "passerelle").put("externalURL", "http://alertmanager.example");
                object.putObject("groupLabels").put("alertname", "FuzzAlert");
                object.putObject("commonLabels");
                object.putObject("commonAnnotations");
                var alert = object.putArray("alerts").addObject();
                alert.put("status", "firing");
                alert.putObject("labels").put("alertname", "FuzzAlert").put("service", SERVICE).put("environment", "staging")
                        .put("severity", "critical");
                alert.putObject("annotations").put("summary", "Generated by the fuzzing suite");
                alert.put("startsAt", hour).put("endsAt", "0001-01-01T00:00:00Z")
                        .put("generatorURL", "http://prometheus.example/graph").put("fingerprint", Fuzz.hex(random, 8));
            }
            default -> {
                // a valid example of the schema is the starting point of an operation the fixture does not know
            }
        }
        return object;
    }

    /**
     * Makes a call that writes fail late, after its mutation has gone through binding: false when the operation has
     * no such anchor (the call is then generated again with another mutation).
     */
    boolean anchor(Draft draft, SplittableRandom random) {
        var operation = draft.operation;
        switch (operation.id()) {
            case "raiseChange" -> {
                ((ObjectNode) draft.json).put("environment", "no-such-environment");
                draft.anchor = "an unknown environment";
            }
            case "registerService" -> {
                ((ObjectNode) draft.json).put("name", SERVICE);
                draft.anchor = "a name already registered";
            }
            case "reportIncident" -> {
                ((ObjectNode) draft.json).put("startedAt", now.plus(1, ChronoUnit.DAYS).toString());
                draft.anchor = "a start in the future";
            }
            case "reportDeploymentStatus" -> draft.anchor = "an unknown deployment";
            case "raiseProblem" -> {
                if (!(draft.json instanceof ObjectNode object)) {
                    return false;
                }
                object.putArray("incidentIds").add(new UUID(random.nextLong(), random.nextLong()).toString());
                draft.anchor = "an unknown incident";
            }
            case "openGate" -> {
                if (!(draft.json instanceof ObjectNode object)) {
                    return false;
                }
                object.put("environment", "no-such-environment");
                draft.anchor = "an unknown environment";
            }
            case "approveChange", "rejectChange", "implementChange", "completeChange", "cancelChange", "reviewChange",
                    "resolveIncident", "acknowledgeIncident", "startIncident", "holdIncident", "resumeIncident",
                    "closeIncident", "reopenIncident", "assignIncident", "addIncidentNote", "changeIncidentPriority",
                    "confirmSuspect", "dismissSuspect", "reportGateOutcome", "promoteRelease", "rollBackDeployment",
                    "investigateProblem", "recordKnownError", "linkProblemFix", "resolveProblem", "closeProblem",
                    "linkIncidentToProblem", "unlinkIncidentFromProblem" -> {
                draft.pathValues.put("id", new UUID(random.nextLong(), random.nextLong()).toString());
                draft.anchor = "an unknown id";
            }
            case "receiveAlertmanagerNotification", "receiveGrafanaNotification" -> {
                // an alert that names no service is published all the same (unattributed): only one that cannot be
                // read is skipped, and a notification of skipped alerts writes nothing
                if (!(draft.json instanceof ObjectNode object) || !(object.get("alerts") instanceof ArrayNode alerts)) {
                    return false;
                }
                alerts.forEach(alert -> {
                    if (alert instanceof ObjectNode fields) {
                        fields.remove("fingerprint");
                    }
                });
                draft.anchor = "alerts without a fingerprint (skipped)";
                draft.mustRefuse = false;
                return true;
            }
            case "configureAlertSource" -> {
                draft.pathValues.put("source", "no-such-source");
                draft.anchor = "an unknown source";
            }
            case "receiveGithubDelivery" -> {
                draft.anchor = "no valid signature";
                draft.mustRefuse = false;
                return true;
            }
            default -> {
                if (!operation.authenticated()) {
                    return false;
                }
                draft.authorization = token -> null;
                draft.anchor = "no token";
            }
        }
        draft.mustRefuse = true;
        return true;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
