package io.passerelle.changeservice.standardchange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.passerelle.changeservice.standardchange.port.StandardChangeTemplates;
import org.jspecify.annotations.Nullable;

/**
 * Templates for the unit tests: the newest version of each, and every event a save published. Like the store, it
 * hands out a fresh copy on each read, so a template read and changed but not saved changes nothing.
 */
class InMemoryStandardChangeTemplates implements StandardChangeTemplates {

    private final Map<UUID, Snapshot> current = new LinkedHashMap<>();
    private final List<StandardChangeEvent> published = new ArrayList<>();

    @Override
    public Optional<StandardChangeTemplate> find(UUID id) {
        return Optional.ofNullable(current.get(id)).map(Snapshot::restore);
    }

    @Override
    public List<StandardChangeTemplate> all() {
        return current.values().stream().map(Snapshot::restore)
                .sorted(Comparator.comparing((StandardChangeTemplate t) -> t.definition().name())).toList();
    }

    @Override
    public List<StandardChangeTemplate> active() {
        return all().stream().filter(t -> !t.retired()).toList();
    }

    @Override
    public void save(StandardChangeTemplate template) {
        published.addAll(template.pullEvents());
        current.put(template.id(), new Snapshot(template.id(), template.version(), template.definition(),
                template.definedBy(), template.definedAt(), template.retiredBy(), template.retiredAt()));
    }

    List<StandardChangeEvent> published() {
        return published;
    }

    private record Snapshot(UUID id, int version, Definition definition, String definedBy, Instant definedAt,
            @Nullable String retiredBy, @Nullable Instant retiredAt) {

        StandardChangeTemplate restore() {
            return StandardChangeTemplate.restore(id, version, definition, definedBy, definedAt, retiredBy, retiredAt);
        }
    }
}
