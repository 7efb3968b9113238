package io.passerelle.changeservice.freezewindow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.passerelle.changeservice.freezewindow.port.FreezeWindows;
import io.passerelle.platform.domain.RuleViolationException;

/**
 * A test double of the port: keeps restored copies, so a use case must save to make a window visible, and publishes
 * the events of what it saves, as the real store does.
 */
class InMemoryFreezeWindows implements FreezeWindows {

    private final Map<UUID, FreezeWindow> saved = new LinkedHashMap<>();
    private final List<FreezeWindowEvent> published = new ArrayList<>();

    @Override
    public Optional<FreezeWindow> find(UUID id) {
        return Optional.ofNullable(saved.get(id)).map(InMemoryFreezeWindows::copy);
    }

    @Override
    public List<FreezeWindow> all() {
        return saved.values().stream().sorted(Comparator.comparing(FreezeWindow::declaredAt).reversed())
                .map(InMemoryFreezeWindows::copy).toList();
    }

    @Override
    public List<FreezeWindow> inScope(String service, String environment, Instant notEndedBy) {
        return saved.values().stream().filter(w -> w.scope().covers(service, environment))
                .filter(w -> w.endedAt() == null || w.endedAt().isAfter(notEndedBy))
                .map(InMemoryFreezeWindows::copy).toList();
    }

    @Override
    public List<FreezeWindow> lockForDeclaration(Instant notEndedBy) {
        return saved.values().stream().filter(w -> w.endedAt() == null || w.endedAt().isAfter(notEndedBy))
                .map(InMemoryFreezeWindows::copy).toList();
    }

    @Override
    public void save(FreezeWindow window) {
        var stored = saved.get(window.id());
        if (stored != null && stored.version() != window.version()) {
            throw RuleViolationException.conflict("changed meanwhile");
        }
        saved.put(window.id(), FreezeWindow.restore(window.id(), window.name(), window.reason(), window.schedule(),
                window.scope(), window.declaredBy(), window.declaredAt(), window.endedBy(), window.endedAt(),
                window.version() + 1));
        published.addAll(window.pullEvents());
    }

    /** Stores a window as it is, without its events (a window declared earlier). */
    void add(FreezeWindow window) {
        window.pullEvents();
        saved.put(window.id(), copy(window));
    }

    List<FreezeWindowEvent> published() {
        return published;
    }

    int size() {
        return saved.size();
    }

    private static FreezeWindow copy(FreezeWindow w) {
        return FreezeWindow.restore(w.id(), w.name(), w.reason(), w.schedule(), w.scope(), w.declaredBy(),
                w.declaredAt(), w.endedBy(), w.endedAt(), Math.max(1, w.version()));
    }
}
