package io.passerelle.release.deployment;

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

import io.passerelle.release.catalog.Service;
import io.passerelle.release.catalog.Services;
import org.jspecify.annotations.Nullable;

/** Plain in-memory ports, so that the use cases' rules are tested without Spring or a database. */
final class InMemoryStores {

    final Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
    final Map<UUID, Deployment> deploymentsById = new LinkedHashMap<>();
    final List<DeploymentEvent> published = new ArrayList<>();

    final Services services = new Services() {
        private final Map<String, Service> byName = new LinkedHashMap<>();

        public void add(Service service) {
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

        public boolean addIfNew(Release release) {
            if (byId.values().stream().anyMatch(r -> r.service().equals(release.service())
                    && r.commitSha().equals(release.commitSha()))) {
                return false;
            }
            byId.put(release.id(), release);
            return true;
        }

        public Optional<Release> byId(UUID id) {
            return Optional.ofNullable(byId.get(id));
        }

        public List<Release> newestFirst(@Nullable String service) {
            return byId.values().stream().filter(r -> service == null || r.service().equals(service))
                    .sorted(Comparator.comparing(Release::recordedAt).reversed()).toList();
        }
    };

    final Deployments deployments = new Deployments() {
        public void add(Deployment deployment) {
            deploymentsById.put(deployment.id(), deployment);
        }

        public void update(Deployment deployment) {
            deploymentsById.put(deployment.id(), deployment);
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
    };

    final DeploymentEvents events = published::addAll;

    <T extends DeploymentEvent> List<T> published(Class<T> type) {
        return published.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
