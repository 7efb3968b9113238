package io.passerelle.changeservice.change;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.passerelle.changeservice.change.port.Changes;
import org.jspecify.annotations.Nullable;

/**
 * A test double of the port: keeps restored copies, so a use case must save to make a change visible, and publishes
 * the events of what it saves, as the real store does.
 */
class InMemoryChanges implements Changes {

    private final Map<UUID, ChangeRequest> saved = new LinkedHashMap<>();
    private final List<ChangeEvent> published = new ArrayList<>();

    @Override
    public Optional<ChangeRequest> find(UUID id) {
        return Optional.ofNullable(saved.get(id)).map(InMemoryChanges::copy);
    }

    @Override
    public Optional<ChangeRequest> findByDeployment(UUID deploymentId) {
        return saved.values().stream().filter(c -> deploymentId.equals(c.deploymentId())).findFirst()
                .map(InMemoryChanges::copy);
    }

    @Override
    public List<ChangeRequest> list(@Nullable String service, @Nullable ChangeState state) {
        return saved.values().stream()
                .filter(c -> service == null || c.service().equals(service))
                .filter(c -> state == null || c.state() == state)
                .sorted(Comparator.comparing(ChangeRequest::raisedAt).reversed())
                .map(InMemoryChanges::copy).toList();
    }

    @Override
    public List<ChangeRequest> heldUntil(Instant now, int limit) {
        return saved.values().stream().filter(c -> c.hold() != null && !c.hold().until().isAfter(now))
                .sorted(Comparator.comparing(c -> c.hold().until())).limit(limit).map(InMemoryChanges::copy).toList();
    }

    @Override
    public List<ChangeRequest> heldBy(UUID windowId) {
        return saved.values().stream().filter(c -> c.hold() != null && c.hold().windowIds().contains(windowId))
                .map(InMemoryChanges::copy).toList();
    }

    @Override
    public Optional<Instant> nextHoldOver() {
        return saved.values().stream().filter(c -> c.hold() != null).map(c -> c.hold().until())
                .min(Comparator.naturalOrder());
    }

    @Override
    public List<ChangeRequest> notImplementing(String service, @Nullable String environment) {
        return saved.values().stream().filter(c -> c.service().equals(service))
                .filter(c -> environment == null || c.environment().equals(environment))
                .filter(c -> c.state() == ChangeState.PENDING_APPROVAL || c.state() == ChangeState.SCHEDULED)
                .map(InMemoryChanges::copy).toList();
    }

    @Override
    public void save(ChangeRequest change) {
        var known = saved.get(change.id());
        if (!Objects.equals(known == null ? 0 : known.version(), change.version())) {
            throw new IllegalStateException("stale version");
        }
        saved.put(change.id(), restore(change, change.version() + 1));
        published.addAll(change.pullEvents());
    }

    /** The events published by saving, oldest first; tests may clear it. */
    List<ChangeEvent> published() {
        return published;
    }

    List<ChangeRequest> all() {
        return new ArrayList<>(saved.values());
    }

    private static ChangeRequest copy(ChangeRequest c) {
        return restore(c, c.version());
    }

    private static ChangeRequest restore(ChangeRequest c, int version) {
        return ChangeRequest.restore(c.id(), c.proposal(), c.state(), c.raisedAt(), c.milestones(), c.risk(),
                c.standardTemplate(), c.hold(), c.decidedUnder(), c.decisions(), c.auditTrail(), c.causedIncidents(),
                version);
    }
}
