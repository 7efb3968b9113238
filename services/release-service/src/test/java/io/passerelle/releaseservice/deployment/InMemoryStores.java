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
import io.passerelle.releaseservice.deployment.port.Deployments;
import io.passerelle.releaseservice.deployment.port.PipelineGates;
import io.passerelle.releaseservice.deployment.port.Releases;
import org.jspecify.annotations.Nullable;

/** Plain in-memory ports, so that the use cases' rules are tested without Spring or a database. */
final class InMemoryStores {

    final Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
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

    <T extends DomainEvent> List<T> published(Class<T> type) {
        return published.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
