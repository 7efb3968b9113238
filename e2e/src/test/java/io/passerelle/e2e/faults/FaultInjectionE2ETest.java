package io.passerelle.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.passerelle.e2e.SharedStack;
import io.passerelle.e2e.Stack;
import io.passerelle.testkit.DeployTarget;
import io.passerelle.testkit.GitHub;
import io.passerelle.testkit.Http;
import io.passerelle.testkit.Tokens;
import org.assertj.core.api.SoftAssertions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fault-injection mode of the end-to-end suite (issue 5, "Under faults"). A burst of green pipelines — signed
 * GitHub {@code workflow_run} deliveries through the gateway, spread over {@link FaultRun#burst()}, round robin over
 * services that each deploy to staging then production, both pre-approved — while each service is SIGKILLed and
 * started again (integration-service the moment a target accepts one of its calls, before it hears the answer), the
 * broker closes every connection of the e2e vhost and PostgreSQL terminates every backend of the e2e database
 * ({@link Fault#plan}, spread over the same time); every service has a deploy target of its own that answers 500 to
 * half its calls ({@code /flaky}, drawn from the seed). Then, within {@link FaultRun#settle()} of the last fault, and
 * after waiting out one lease of integration-service past its last restart (when a call whose outcome was lost would
 * be made again):
 * <ul>
 * <li>0 lost: every accepted delivery recorded and made one release; every release one staging deployment, and one
 * production deployment if staging SUCCEEDED; every deployment one change, a dispatch, and (once settled) a place in
 * incident-service's projection;
 * <li>0 duplicated: no record beyond those;
 * <li>every deployment SUCCEEDED, or FAILED where its own calls showed it (all allowed calls made, none accepted), its
 * change CLOSED or FAILED to match;
 * <li>no deploy call after the target's report of success was accepted, none beyond max-attempts, each carrying
 * {@code Idempotency-Key} = the deployment id and a valid signature;
 * <li>nothing dead-lettered.
 * </ul>
 * The figures are printed and written to e2e/target/fault-report.txt. Sizes and seeds: {@link FaultRun}.
 */
@ExtendWith(SharedStack.class)
@Order(Integer.MAX_VALUE) // last of the end-to-end classes: it kills every service (e2e/src/test/resources/junit-platform.properties)
class FaultInjectionE2ETest {

    static final Path ROOT = Path.of(System.getenv().getOrDefault("PASSERELLE_ROOT", "..")).toAbsolutePath().normalize();
    static final String SECRET = "fault-injection-webhook-secret-0123";

    @Test
    void a_burst_of_pipelines_through_kills_cuts_and_half_failing_targets_loses_nothing_repeats_nothing_and_settles()
            throws Exception {
        var run = FaultRun.fromSettings();
        Assumptions.assumeFalse(run.off(), "fault injection is off (-D" + FaultRun.SWITCH + "=off)");
        Assumptions.assumeTrue(rabbitmqctlRuns(), "rabbitmqctl does not run here: the broker's connections cannot be"
                + " closed, so the fault run is skipped");
        var executor = ExecutorSettings.read(ROOT);
        var vectors = ROOT.getParent().resolve("shared/vectors");
        System.out.printf("Fault run (%s): %d pipelines across %d services over %d s, faults %d× each, targets failing"
                + " %.0f%% of calls, seed %d, settle bound %d s; max-attempts %d, lease %d s%n", run.size(),
                run.pipelines(), run.services(), run.burst().toSeconds(), run.rounds(), run.failing() * 100, run.seed(),
                run.settle().toSeconds(), executor.maxAttempts(), executor.lease().toSeconds());

        var stack = Stack.fromEnvironment();
        var tokens = new Tokens(Stack.KEYCLOAK);
        var targets = new ArrayList<DeployTarget>();
        try {
            var services = new ArrayList<String>();
            var tag = "f" + Long.toString(System.currentTimeMillis() / 1000 % 60_466_176L, 36);
            var rhea = tokens.user("rhea");
            for (int i = 0; i < run.services(); i++) {
                var service = String.format(Locale.ROOT, "%s-s%02d", tag, i);
                var target = new DeployTarget(tokens).flaky(run.failing(), run.seed());
                target.trust(service, SECRET);
                targets.add(target);
                register(rhea, service, target.url("/flaky"));
                services.add(service);
            }
            services.forEach(service -> GitHub.awaitCatalogued(Stack.GATEWAY, repository(service), SECRET, 60));

            var pipelines = new ArrayList<Burst.Pipeline>();
            for (int i = 0; i < run.pipelines(); i++) {
                var service = services.get(i % services.size());
                pipelines.add(new Burst.Pipeline(service, repository(service), SECRET,
                        String.format(Locale.ROOT, "%08x%032x", run.seed() & 0xFFFF_FFFFL, i), 10_000L + i,
                        GitHub.newDeliveryId()));
            }
            var deadLettersBefore = deadLetters();
            long origin = System.nanoTime();
            var faults = Injector.start(stack, Fault.plan(run.rounds(), targets), run.burst(), origin);
            var burst = Burst.start(pipelines, run.burst(), pipeline -> payload(vectors, pipeline));
            var deliveries = burst.get(run.burst().plus(Burst.REDELIVER_FOR).toSeconds() + 120, TimeUnit.SECONDS);
            var burstDone = Duration.ofNanos(System.nanoTime() - origin);
            var injected = faults.get(run.burst().toSeconds() + 900, TimeUnit.SECONDS);
            var faultsStopped = injected.stream().map(Injector.Injected::back).max(Duration::compareTo).orElseThrow();
            System.out.printf("Burst sent in %.1f s; the last fault was over at %.1f s%n", burstDone.toMillis() / 1e3,
                    faultsStopped.toMillis() / 1e3);

            // settle: everything accepted reached its end, within the bound after the last fault
            Duration settledAt = null; // since the origin
            Verdict verdict;
            while (true) {
                verdict = judge(deliveries, services, targets, executor, deadLettersBefore);
                var now = Duration.ofNanos(System.nanoTime() - origin);
                var since = now.minus(faultsStopped);
                if (verdict.settled()) {
                    settledAt = now;
                    break;
                }
                if (since.compareTo(run.settle()) > 0) {
                    break;
                }
                Thread.sleep(1_000);
            }
            // a call whose outcome was lost is made again when its lease expires: wait one out past the last restart
            var lastIntegrationRestart = injected.stream()
                    .filter(i -> i.fault() instanceof Fault.Kill kill && kill.app().equals("integration-service"))
                    .map(Injector.Injected::back).max(Duration::compareTo).orElse(Duration.ZERO);
            long quietUntil = origin + lastIntegrationRestart.plus(executor.lease()).plusSeconds(15).toNanos();
            while (System.nanoTime() < quietUntil) {
                Thread.sleep(1_000);
            }
            verdict = judge(deliveries, services, targets, executor, deadLettersBefore);

            var report = report(run, executor, deliveries, injected, burstDone, faultsStopped, settledAt, verdict);
            System.out.println(report);
            Files.createDirectories(ROOT.resolve("e2e/target"));
            Files.writeString(ROOT.resolve("e2e/target/fault-report.txt"), report);

            var softly = new SoftAssertions();
            softly.assertThat(injected).as("faults that could not be injected").allSatisfy(i -> assertThat(i.error()).isNull());
            softly.assertThat(settledAt).as("nothing lost and every deployment settled within %d s after the last"
                    + " fault", run.settle().toSeconds()).isNotNull();
            for (var kind : Verdict.Kind.values()) {
                softly.assertThat(verdict.count(kind)).as("%s: %s", kind.description, verdict.findings(kind)).isZero();
            }
            softly.assertAll();
        } finally {
            for (var service : Fault.SERVICES) {
                stack.start(service); // whatever happened, leave every service running for the classes after
            }
            targets.forEach(DeployTarget::close);
        }
    }

    private static Verdict judge(List<Burst.Delivery> deliveries, List<String> services, List<DeployTarget> targets,
            ExecutorSettings executor, Map<String, Integer> deadLettersBefore) {
        var logs = new HashMap<String, DeployTarget.Log>();
        targets.forEach(target -> logs.putAll(target.logs()));
        var deadLettered = new HashMap<String, Integer>();
        deadLetters().forEach((queue, depth) -> deadLettered.put(queue, depth - deadLettersBefore.getOrDefault(queue, 0)));
        return new Verdict(deliveries, Records.read(services), logs, executor.maxAttempts(), deadLettered);
    }

    private static String report(FaultRun run, ExecutorSettings executor, List<Burst.Delivery> deliveries,
            List<Injector.Injected> injected, Duration burstDone, Duration faultsStopped, @Nullable Duration settledAt,
            Verdict verdict) {
        long accepted = deliveries.stream().filter(Burst.Delivery::accepted).count();
        long redelivered = deliveries.stream().filter(d -> d.answers().size() > 1).count();
        var text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Fault run (%s) on %d cores: %d pipelines across %d services"
                + " (staging then production), sent over %.1f s; %d accepted (%d after redelivery)%n", run.size(),
                Runtime.getRuntime().availableProcessors(), run.pipelines(), run.services(), burstDone.toMillis() / 1e3,
                accepted, redelivered));
        text.append(String.format(Locale.ROOT, "Faults injected: %d, the last one over at %.1f s%n", injected.size(),
                faultsStopped.toMillis() / 1e3));
        injected.forEach(i -> text.append("  ").append(i).append('\n'));
        text.append(String.format(Locale.ROOT, "Deploy targets failing %.0f%% of calls: %d calls; deployments %s%n",
                run.failing() * 100, verdict.calls(), verdict.deployments()));
        verdict.failureReasons().forEach((reason, count) -> text.append(String.format("  FAILED ×%d: %s%n", count, reason)));
        text.append(String.format(Locale.ROOT, "Settled: %s (bound %d s; max-attempts %d, lease %d s)%n",
                settledAt == null ? "NOT within the bound" : String.format(Locale.ROOT, "at %.1f s, %.1f s after the last"
                        + " fault was over and %.1f s after the last pipeline was accepted", settledAt.toMillis() / 1e3,
                        Math.max(0, settledAt.minus(faultsStopped).toMillis()) / 1e3,
                        Math.max(0, settledAt.minus(burstDone).toMillis()) / 1e3),
                run.settle().toSeconds(), executor.maxAttempts(), executor.lease().toSeconds()));
        text.append(verdict.describe());
        text.append("Replay: ./mvnw -pl testkit,e2e verify -Dit.test=FaultInjectionE2ETest ").append(run.replay())
                .append('\n');
        return text.toString();
    }

    private static void register(String token, String service, String targetUrl) throws InterruptedException {
        var environments = List.of(environment("staging", 1, targetUrl), environment("production", 2, targetUrl));
        var body = Map.of("name", service, "repository", repository(service), "defaultBranch", "master",
                "webhookSecret", SECRET, "environments", environments);
        for (int attempt = 0; ; attempt++) {
            var created = Http.post(Stack.GATEWAY + "/api/v1/services", token, body);
            if (created.status() != 429 || attempt == 30) {
                assertThat(created.status()).as("registering %s: %s", service, created.raw()).isEqualTo(201);
                return;
            }
            Thread.sleep(1_000);
        }
    }

    private static Map<String, Object> environment(String name, int order, String url) {
        return Map.of("name", name, "order", order, "requiresApproval", false,
                "deployTarget", Map.of("type", "webhook", "url", url));
    }

    private static String repository(String service) {
        return "faults/" + service;
    }

    /** A real GitHub delivery from ../shared/vectors where it is, else the fields Passerelle reads. */
    private static ObjectNode payload(Path vectors, Burst.Pipeline pipeline) {
        return Files.isDirectory(vectors)
                ? GitHub.workflowRun(vectors, pipeline.repository(), pipeline.sha(), pipeline.runId())
                : GitHub.workflowRun(pipeline.repository(), "master", pipeline.sha(), pipeline.runId());
    }

    private static Map<String, Integer> deadLetters() {
        var depths = new HashMap<String, Integer>();
        Stack.queueDepths().forEach((queue, depth) -> {
            if (queue.endsWith(".dlq")) {
                depths.put(queue, depth);
            }
        });
        return depths;
    }

    private static boolean rabbitmqctlRuns() {
        try {
            Fault.rabbitmqctl("list_vhosts");
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }
}
