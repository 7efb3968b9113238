package io.passerelle.e2e.faults;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.passerelle.testkit.DeployTarget;

/**
 * What a fault run left behind, judged: for each kind of failure (lost, duplicated, unsettled, …) the records that
 * show it. Built from the deliveries the burst had accepted, the services' records, the deploy targets' logs and the
 * dead-letter queues; nothing here may be non-empty after a good run.
 */
final class Verdict {

    enum Kind {
        UNDELIVERED("pipelines the stack never accepted"),
        LOST("lost"),
        DUPLICATED("duplicated"),
        UNSETTLED("unsettled"),
        FAILED_WITHOUT_CAUSE("FAILED without its own attempts showing it"),
        REPEATED_AFTER_SUCCESS("deploy calls after the target reported SUCCEEDED"),
        OVER_ATTEMPTS("deployments called more than max-attempts times"),
        IDEMPOTENCY_KEY("deploy calls without Idempotency-Key = deployment id"),
        BAD_SIGNATURE("deploy calls with a bad signature"),
        DEAD_LETTERED("messages dead-lettered");

        final String description;

        Kind(String description) {
            this.description = description;
        }
    }

    /** One way of failing and the records that show it (a description each). */
    record Finding(Kind kind, String what, List<String> examples) {
    }

    private final List<Finding> findings = new ArrayList<>();
    private final Records records;
    private final Map<String, DeployTarget.Log> logs;

    /**
     * @param logs the deploy targets' logs by deployment id
     * @param deadLettered messages added to each dead-letter queue during the run
     */
    Verdict(List<Burst.Delivery> deliveries, Records records, Map<String, DeployTarget.Log> logs, int maxAttempts,
            Map<String, Integer> deadLettered) {
        this.records = records;
        this.logs = logs;
        var accepted = deliveries.stream().filter(Burst.Delivery::accepted).map(Burst.Delivery::pipeline).toList();
        add(Kind.UNDELIVERED, "not accepted after redeliveries", deliveries.stream().filter(d -> !d.accepted())
                .map(d -> d.pipeline().sha() + " answered " + d.answers()).toList());

        // lost: something accepted that did not lead to what it must
        var releasesBySha = group(records.releases(), r -> r.service() + "@" + r.commitSha());
        add(Kind.LOST, "accepted deliveries integration-service did not record", accepted.stream()
                .filter(p -> !records.deliveries().contains(p.deliveryId())).map(Burst.Pipeline::deliveryId).toList());
        add(Kind.LOST, "accepted deliveries without a release", accepted.stream()
                .filter(p -> !releasesBySha.containsKey(p.service() + "@" + p.sha())).map(Burst.Pipeline::sha).toList());
        var deploymentsByRelease = group(records.deployments(), Records.Deployment::releaseId);
        var staging = new HashMap<String, Records.Deployment>();
        var production = new HashMap<String, Records.Deployment>();
        records.deployments().forEach(d -> (d.environment().equals("staging") ? staging : production)
                .putIfAbsent(d.releaseId(), d));
        add(Kind.LOST, "releases without a staging deployment", records.releases().stream()
                .filter(r -> !staging.containsKey(r.id())).map(Records.Release::id).toList());
        add(Kind.LOST, "releases whose staging deployment SUCCEEDED without a production deployment", staging.values()
                .stream().filter(d -> d.state().equals("SUCCEEDED") && !production.containsKey(d.releaseId()))
                .map(Records.Deployment::id).toList());
        var changesByDeployment = group(records.changes(), c -> String.valueOf(c.deploymentId()));
        add(Kind.LOST, "deployments without a change", records.deployments().stream()
                .filter(d -> !changesByDeployment.containsKey(d.id())).map(Records.Deployment::id).toList());
        add(Kind.LOST, "settled deployments integration-service has no dispatch for", records.deployments().stream()
                .filter(d -> d.settled() && !records.dispatches().containsKey(d.id())).map(Records.Deployment::id).toList());
        add(Kind.LOST, "settled deployments incident-service did not project", records.deployments().stream()
                .filter(d -> d.settled() && !records.projected().contains(d.id())).map(Records.Deployment::id).toList());

        // duplicated: more records than what was sent asks for
        var sent = new HashSet<String>();
        deliveries.forEach(d -> sent.add(d.pipeline().service() + "@" + d.pipeline().sha()));
        add(Kind.DUPLICATED, "releases beyond one per commit", extra(releasesBySha));
        add(Kind.DUPLICATED, "releases of commits never delivered", releasesBySha.keySet().stream()
                .filter(key -> !sent.contains(key)).toList());
        add(Kind.DUPLICATED, "deployments beyond one per release and environment",
                extra(group(records.deployments(), d -> d.releaseId() + "/" + d.environment())));
        add(Kind.DUPLICATED, "production deployments of releases whose staging did not succeed", production.values()
                .stream().filter(d -> staging.get(d.releaseId()) == null
                        || !staging.get(d.releaseId()).state().equals("SUCCEEDED"))
                .map(Records.Deployment::id).toList());
        add(Kind.DUPLICATED, "changes beyond one per deployment", extra(changesByDeployment));
        var deploymentIds = records.deployments().stream().map(Records.Deployment::id).collect(Collectors.toSet());
        add(Kind.DUPLICATED, "changes of no deployment of the run", records.changes().stream()
                .filter(c -> !deploymentIds.contains(String.valueOf(c.deploymentId()))).map(Records.Change::id).toList());

        // unsettled
        add(Kind.UNSETTLED, "deployments neither SUCCEEDED nor FAILED", records.deployments().stream()
                .filter(d -> !d.settled()).map(d -> d.id() + " " + d.state()).toList());
        var deploymentById = records.deployments().stream()
                .collect(Collectors.toMap(Records.Deployment::id, Function.identity(), (a, b) -> a));
        add(Kind.UNSETTLED, "changes not CLOSED after their deployment SUCCEEDED or not in REVIEW after it FAILED",
                records.changes().stream().filter(c -> {
                    var deployment = deploymentById.get(String.valueOf(c.deploymentId()));
                    return deployment != null && deployment.settled()
                            && !c.state().equals(deployment.state().equals("SUCCEEDED") ? "CLOSED" : "REVIEW");
                }).map(c -> c.id() + " " + c.state()).toList());

        // the deploy targets' view
        add(Kind.FAILED_WITHOUT_CAUSE, "FAILED deployments whose target did not see them fail", records.deployments()
                .stream().filter(d -> d.state().equals("FAILED") && !failedByItsOwnCalls(d, maxAttempts))
                .map(d -> d.id() + " (" + d.environment() + ", calls " + answers(d.id()) + "): " + d.reason()).toList());
        add(Kind.REPEATED_AFTER_SUCCESS, "calls", logs.values().stream().flatMap(log -> log.callsAfterSuccess().stream()
                .map(call -> String.format("%s %.1f s after success (%d calls in all: %s)", log.deploymentId(),
                        (call.receivedAtNanos() - log.succeededAtNanos().getAsLong()) / 1e9, log.calls().size(),
                        answers(log.deploymentId())))).toList());
        add(Kind.OVER_ATTEMPTS, "max-attempts " + maxAttempts, logs.values().stream()
                .filter(log -> log.calls().size() > maxAttempts)
                .map(log -> log.deploymentId() + ": " + answers(log.deploymentId())).toList());
        var calls = logs.values().stream().flatMap(log -> log.calls().stream()).toList();
        add(Kind.IDEMPOTENCY_KEY, "calls", calls.stream().filter(c -> !c.idempotencyKey().equals(c.deploymentId()))
                .map(c -> c.deploymentId() + ": " + (c.idempotencyKey().isEmpty() ? "none" : c.idempotencyKey())).toList());
        add(Kind.BAD_SIGNATURE, "calls", calls.stream().filter(c -> !c.signatureValid()).map(
                DeployTarget.Call::deploymentId).toList());
        add(Kind.DEAD_LETTERED, "by queue", deadLettered.entrySet().stream().filter(e -> e.getValue() != 0)
                .map(e -> e.getKey() + " +" + e.getValue()).toList());
    }

    /**
     * A deployment may fail for what its own calls showed: the target saw it, accepted none of its calls, and either
     * every allowed call was made or the last answer was final (a 4xx other than 429).
     */
    private boolean failedByItsOwnCalls(Records.Deployment deployment, int maxAttempts) {
        var log = logs.get(deployment.id());
        if (log == null || log.calls().isEmpty() || log.calls().stream().anyMatch(DeployTarget.Call::accepted)) {
            return false;
        }
        int last = log.calls().getLast().answered();
        return log.calls().size() >= maxAttempts || (last >= 400 && last < 500 && last != 429);
    }

    private String answers(String deploymentId) {
        var log = logs.get(deploymentId);
        return log == null ? "none" : log.calls().stream().map(c -> String.valueOf(c.answered()))
                .collect(Collectors.joining(",", "[", "]"));
    }

    private void add(Kind kind, String what, List<String> examples) {
        findings.add(new Finding(kind, what, examples));
    }

    private static <T> Map<String, List<T>> group(List<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.toList()));
    }

    private static <T> List<String> extra(Map<String, List<T>> groups) {
        return groups.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey() + " ×" + e.getValue().size()).toList();
    }

    /** How many records show the kind of failure. */
    int count(Kind kind) {
        return findings.stream().filter(f -> f.kind() == kind).mapToInt(f -> f.examples().size()).sum();
    }

    List<Finding> findings(Kind kind) {
        return findings.stream().filter(f -> f.kind() == kind && !f.examples().isEmpty()).toList();
    }

    /** Nothing lost and everything settled: what the run waits for after the faults. */
    boolean settled() {
        return count(Kind.LOST) == 0 && count(Kind.UNSETTLED) == 0;
    }

    /** Deployments by environment and state, e.g. {@code staging SUCCEEDED=88}. */
    Map<String, Long> deployments() {
        return records.deployments().stream().collect(Collectors.groupingBy(d -> d.environment() + " " + d.state(),
                TreeMap::new, Collectors.counting()));
    }

    /** Why deployments FAILED, with how many each reason (ids and figures masked). */
    Map<String, Long> failureReasons() {
        return records.deployments().stream().filter(d -> d.state().equals("FAILED"))
                .collect(Collectors.groupingBy(d -> String.valueOf(d.reason()).replaceAll("\\d+", "#"), TreeMap::new,
                        Collectors.counting()));
    }

    long calls() {
        return logs.values().stream().mapToLong(log -> log.calls().size()).sum();
    }

    /** Every failure, its figure and up to five examples. */
    String describe() {
        var text = new StringBuilder();
        for (var kind : Kind.values()) {
            text.append(String.format("  %-52s %d%n", kind.description + ":", count(kind)));
            for (var finding : findings(kind)) {
                text.append(String.format("      %s: %d, e.g. %s%n", finding.what(), finding.examples().size(),
                        finding.examples().subList(0, Math.min(5, finding.examples().size()))));
            }
        }
        return text.toString();
    }
}
