package io.passerelle.releaseservice.deployment;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.passerelle.platform.event.DomainEvent;
import io.passerelle.releaseservice.catalog.Service;
import io.passerelle.releaseservice.catalog.port.Services;
import io.passerelle.releaseservice.deployment.port.Checks;
import io.passerelle.releaseservice.deployment.port.Deployments;
import io.passerelle.releaseservice.deployment.port.IncidentRollbacks;
import io.passerelle.releaseservice.deployment.port.OpenedIncidents;
import io.passerelle.releaseservice.deployment.port.PipelineGates;
import io.passerelle.releaseservice.deployment.port.Promotions;
import io.passerelle.releaseservice.deployment.port.Releases;
import org.jspecify.annotations.Nullable;

/** Plain in-memory ports, so that the use cases' rules are tested without Spring or a database. */
final class InMemoryStores {

    final MovingClock clock = new MovingClock(Instant.parse("2026-03-01T10:00:00Z"));

    /** A clock that stands still until a test moves it on. */
    static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        void advance(java.time.Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException("UTC only");
        }
    }
    final Map<UUID, Deployment> deploymentsById = new LinkedHashMap<>();
    final List<DomainEvent> published = new ArrayList<>();

    final Services services = new Services() {
        private final Map<String, Service> byName = new LinkedHashMap<>();

        /** The catalog is a fixture here: its events are not this feature's. */
        public void save(Service service) {
            byName.put(service.name(), service);
        }

        public Optional<Service> byName(String name) {
            return Optional.ofNullable(byName.get(name));
        }

        public Optional<String> nameOfGitlabProject(String project) {
            return Optional.empty();
        }

        @Override
        public Optional<String> nameOfRepository(String repository) {
            return byName.values().stream().filter(s -> s.repository().equalsIgnoreCase(repository))
                    .map(Service::name).findFirst();
        }

        public List<Service> all() {
            return List.copyOf(byName.values());
        }
    };

    final Releases releases = new Releases() {
        private final Map<UUID, Release> byId = new LinkedHashMap<>();

        public boolean save(Release release) {
            if (byId.values().stream().anyMatch(r -> r.service().equals(release.service())
                    && r.commitSha().equals(release.commitSha()))) {
                return false;
            }
            byId.put(release.id(), release);
            published.addAll(release.pullEvents());
            return true;
        }

        public void update(Release release) {
            byId.put(release.id(), release);
            published.addAll(release.pullEvents());
        }

        public Optional<Release> byId(UUID id) {
            return Optional.ofNullable(byId.get(id));
        }

        public Optional<Release> lock(String service, String commitSha) {
            return byId.values().stream().filter(r -> r.service().equals(service) && r.commitSha().equals(commitSha))
                    .findFirst();
        }

        public List<Release> newestFirst(@Nullable String service) {
            return byId.values().stream().filter(r -> service == null || r.service().equals(service))
                    .sorted(Comparator.comparing(Release::recordedAt).reversed()).toList();
        }
    };

    /** The latest result of each check, by service and commit, then by name. */
    final Map<String, Map<String, CheckResult>> checkResults = new LinkedHashMap<>();

    final Checks checks = new Checks() {
        public CommitChecks lock(String service, String commitSha) {
            return new CommitChecks(service, commitSha,
                    checkResults.getOrDefault(service + "/" + commitSha, Map.of()).values());
        }

        public void keep(String service, String commitSha, CheckResult result, Instant at) {
            checkResults.computeIfAbsent(service + "/" + commitSha, k -> new LinkedHashMap<>()).put(result.name(), result);
        }

        public Map<UUID, List<CheckResult>> ofReleases(@Nullable String service) {
            var byRelease = new LinkedHashMap<UUID, List<CheckResult>>();
            releases.newestFirst(service).forEach(r -> byRelease.put(r.id(),
                    List.copyOf(checkResults.getOrDefault(r.service() + "/" + r.commitSha(), Map.of()).values())));
            return byRelease;
        }
    };

    final Deployments deployments = new Deployments() {
        public void save(Deployment deployment) {
            deploymentsById.put(deployment.id(), deployment);
            published.addAll(deployment.pullEvents());
        }

        public Optional<Deployment> lock(UUID id) {
            return byId(id);
        }

        public Optional<Deployment> byId(UUID id) {
            return Optional.ofNullable(deploymentsById.get(id));
        }

        public List<Deployment> newestFirst(@Nullable String service, @Nullable String environment) {
            return List.copyOf(deploymentsById.values());
        }

        public List<Deployment> lockOverdue(Instant now, int limit) {
            return underway().filter(d -> !d.deadline().isAfter(now))
                    .sorted(Comparator.comparing(Deployment::deadline)).limit(limit).toList();
        }

        public Optional<Instant> nextDeadline() {
            return underway().map(Deployment::deadline).min(Comparator.naturalOrder());
        }

        private java.util.stream.Stream<Deployment> underway() {
            return deploymentsById.values().stream().filter(d -> d.state().isUnderway() && d.deadline() != null);
        }

        public Optional<Deployment> forward(UUID releaseId, String environment) {
            return deploymentsById.values().stream().filter(d -> d.kind() == Deployment.Kind.DEPLOY
                    && d.executor() == Executor.TARGET && d.releaseId().equals(releaseId)
                    && d.environment().equals(environment)).findFirst();
        }

        public Optional<Deployment> lastSucceededBefore(String service, String environment, Instant before,
                UUID otherThan) {
            return deploymentsById.values().stream()
                    .filter(d -> d.service().equals(service) && d.environment().equals(environment)
                            && d.state() == DeploymentState.SUCCEEDED && d.finishedAt().isBefore(before)
                            && !d.releaseId().equals(otherThan))
                    .max(Comparator.comparing(Deployment::finishedAt));
        }

        public Optional<Deployment> newestIn(String service, String environment) {
            return deploymentsById.values().stream().filter(d -> d.service().equals(service)
                    && d.environment().equals(environment) && d.state() != DeploymentState.CANCELLED)
                    .max(Comparator.comparing(Deployment::plannedAt));
        }

        public Optional<Deployment> lastFinishedBy(String service, String environment, Instant at) {
            return deploymentsById.values().stream().filter(d -> d.service().equals(service)
                    && d.environment().equals(environment) && d.finishedAt() != null && !d.finishedAt().isAfter(at)
                    && (d.state() == DeploymentState.SUCCEEDED || d.state() == DeploymentState.FAILED))
                    .max(Comparator.comparing(Deployment::finishedAt));
        }

        public Optional<Deployment> liveRollbackOf(UUID deploymentId) {
            return deploymentsById.values().stream().filter(d -> d.rollback() != null
                    && d.rollback().of().equals(deploymentId) && d.state() != DeploymentState.FAILED
                    && d.state() != DeploymentState.CANCELLED).findFirst();
        }
    };

    /** Waiting promotions by release and environment, with how each ended ("DONE by …", "STOPPED: …"). */
    final Map<String, PendingPromotion> waiting = new LinkedHashMap<>();
    final Map<String, String> decided = new LinkedHashMap<>();
    final Map<String, PendingPromotion> stopped = new LinkedHashMap<>();

    static String key(UUID releaseId, String environment) {
        return releaseId + "/" + environment;
    }

    final Promotions promotions = new Promotions() {
        public boolean await(PendingPromotion p) {
            var key = key(p.releaseId(), p.environment());
            if (waiting.containsKey(key) || decided.containsKey(key)) {
                return false;
            }
            waiting.put(key, p);
            return true;
        }

        public Optional<PendingPromotion> lockWaiting(UUID releaseId, String environment) {
            var key = key(releaseId, environment);
            return Optional.ofNullable(waiting.getOrDefault(key, stopped.get(key)));
        }

        public List<PendingPromotion> lockDue(Instant now, int limit) {
            return waiting.values().stream().filter(p -> p.dueAt() != null && !p.dueAt().isAfter(now))
                    .sorted(Comparator.comparing(PendingPromotion::dueAt)).limit(limit).toList();
        }

        public List<PendingPromotion> lockSoakingIn(String service, String environment) {
            return waiting.values().stream().filter(p -> p.mode() == PendingPromotion.Mode.SOAK
                    && p.service().equals(service) && p.fromEnvironment().equals(environment)).toList();
        }

        public Optional<Instant> nextDue() {
            return waiting.values().stream().map(PendingPromotion::dueAt).filter(java.util.Objects::nonNull)
                    .min(Comparator.naturalOrder());
        }

        public void done(PendingPromotion p, String decidedBy, Instant at) {
            waiting.remove(key(p.releaseId(), p.environment()));
            stopped.remove(key(p.releaseId(), p.environment()));
            decided.put(key(p.releaseId(), p.environment()), "DONE by " + decidedBy);
        }

        public void stop(PendingPromotion p, String reason, Instant at) {
            waiting.remove(key(p.releaseId(), p.environment()));
            stopped.put(key(p.releaseId(), p.environment()), p);
            decided.put(key(p.releaseId(), p.environment()), "STOPPED: " + reason);
        }
    };

    final List<OpenedIncident> incidents = new ArrayList<>();

    final OpenedIncidents openedIncidents = new OpenedIncidents() {
        public boolean record(OpenedIncident incident) {
            if (incidents.stream().anyMatch(i -> i.incidentId().equals(incident.incidentId()))) {
                return false;
            }
            return incidents.add(incident);
        }

        public Optional<OpenedIncident> firstBetween(String service, String environment, Instant from, Instant to) {
            return incidents.stream().filter(i -> i.service().equals(service) && i.environment().equals(environment)
                    && !i.openedAt().isBefore(from) && !i.openedAt().isAfter(to))
                    .min(Comparator.comparing(OpenedIncident::openedAt));
        }
    };

    /** What incidents asked, by incident and deployment. */
    final Map<String, IncidentRollback> incidentRollbacks = new LinkedHashMap<>();

    final IncidentRollbacks askedRollbacks = new IncidentRollbacks() {
        public boolean decided(UUID incidentId, UUID deploymentId) {
            return incidentRollbacks.containsKey(incidentId + "/" + deploymentId);
        }

        public void save(IncidentRollback decision) {
            if (incidentRollbacks.putIfAbsent(decision.incidentId() + "/" + decision.deploymentId(), decision) != null) {
                throw new IllegalStateException("decided twice");
            }
            published.addAll(decision.pullEvents());
        }
    };

    /** The gates told of decisions about pipelines' deployments, in order ("allowed <id>", "refused <id>"). */
    final List<String> gateDecisions = new ArrayList<>();

    final PipelineGates gates = new PipelineGates() {
        public void allowed(Deployment deployment, Instant at) {
            gateDecisions.add("allowed " + deployment.id());
        }

        public void refused(Deployment deployment, Instant at) {
            gateDecisions.add("refused " + deployment.id());
        }

        public void held(Deployment deployment, UUID changeId, String reason, Instant until, Instant at) {
            gateDecisions.add("held " + deployment.id() + " until " + until);
        }
    };

    /** A green run of the service's pipeline on {@code sha} by {@code actor}, each its own run. */
    static RecordRelease.PipelineRun green(String service, String sha, String actor) {
        return new RecordRelease.PipelineRun(service, sha, new CheckResult("ci", UUID.randomUUID().toString(), null,
                null, CheckResult.SUCCESS, null, Instant.EPOCH), actor, null, List.of());
    }

    <T extends DomainEvent> List<T> published(Class<T> type) {
        return published.stream().filter(type::isInstance).map(type::cast).toList();
    }

    // the deployment feature's use cases on these stores

    final RecordRelease recordRelease = new RecordRelease(services, releases, deployments, checks, clock);
    final ApplyChangeDecision decisions = new ApplyChangeDecision(deployments, gates, clock);
    final PromoteRelease promotion = new PromoteRelease(services, releases, deployments, checks, promotions,
            openedIncidents, clock);
    final ApplyReportedOutcome outcomes = new ApplyReportedOutcome(deployments, promotion);
    final RollBackDeployment rollBack = new RollBackDeployment(services, releases, deployments, clock);
    final ProposeRollback proposeRollback = new ProposeRollback(services, deployments, rollBack, askedRollbacks,
            clock);
}
