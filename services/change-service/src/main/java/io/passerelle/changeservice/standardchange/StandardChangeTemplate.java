package io.passerelle.changeservice.standardchange;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.passerelle.platform.domain.RuleViolationException;
import org.jspecify.annotations.Nullable;

/**
 * A standard-change template: a pre-approved model of a change, versioned like approval policies (each definition is
 * a new version, every version kept), until it is retired. The template checks its own transitions and registers
 * their events; saving it stores the new version or the retirement and publishes them.
 */
public final class StandardChangeTemplate {

    private final UUID id;
    private int version;
    private Definition definition;
    private String definedBy;
    private Instant definedAt;
    private @Nullable String retiredBy;
    private @Nullable Instant retiredAt;
    private final List<StandardChangeEvent> events = new ArrayList<>();

    private StandardChangeTemplate(UUID id, int version, Definition definition, String definedBy, Instant definedAt,
            @Nullable String retiredBy, @Nullable Instant retiredAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.version = version;
        this.definition = Objects.requireNonNull(definition, "definition");
        this.definedBy = definedBy;
        this.definedAt = definedAt;
        this.retiredBy = retiredBy;
        this.retiredAt = retiredAt;
    }

    /** Version 1 of a new template. */
    public static StandardChangeTemplate define(UUID id, Definition definition, String by, Instant at) {
        var template = new StandardChangeTemplate(id, 1, definition, by, at, null, null);
        template.events.add(template.defined());
        return template;
    }

    /** Rebuilds a template's newest version from the store; registers no events. */
    public static StandardChangeTemplate restore(UUID id, int version, Definition definition, String definedBy,
            Instant definedAt, @Nullable String retiredBy, @Nullable Instant retiredAt) {
        return new StandardChangeTemplate(id, version, definition, definedBy, definedAt, retiredBy, retiredAt);
    }

    /** The next version, as someone defines it now; a retired template stays retired (409). */
    public void redefine(Definition definition, String by, Instant at) {
        if (retired()) {
            throw RuleViolationException.conflict(ref() + " is retired: define a new template instead");
        }
        this.version++;
        this.definition = Objects.requireNonNull(definition, "definition");
        this.definedBy = by;
        this.definedAt = at;
        events.add(defined());
    }

    /** From now on no change matches this template; retiring it twice is refused (409). */
    public void retire(String by, Instant at) {
        if (retired()) {
            throw RuleViolationException.conflict(ref() + " was retired already, by " + retiredBy + " at " + retiredAt);
        }
        this.retiredBy = by;
        this.retiredAt = at;
        events.add(new StandardChangeRetired(id, version, definition.name(), by, at));
    }

    private StandardChangeDefined defined() {
        var c = definition.conditions();
        var hours = c.allowedHours();
        return new StandardChangeDefined(id, version, definition.name(), definition.description(),
                sorted(c.services()), sorted(c.environments()), c.maxRiskScore(), hours == null ? null
                        : new StandardChangeDefined.AllowedHours(hours.orderedDays().stream().map(DayOfWeek::name).toList(),
                                hours.from().toString(), hours.to().toString(), hours.zone().getId()),
                definedBy, definedAt);
    }

    private static @Nullable List<String> sorted(@Nullable Collection<String> names) {
        return names == null ? null : names.stream().sorted().toList();
    }

    /** The events registered since the template was defined or restored, handed over once. */
    public List<StandardChangeEvent> pullEvents() {
        var pulled = List.copyOf(events);
        events.clear();
        return pulled;
    }

    public TemplateRef ref() {
        return new TemplateRef(id, version, definition.name());
    }

    public boolean retired() {
        return retiredAt != null;
    }

    public UUID id() {
        return id;
    }

    public int version() {
        return version;
    }

    public Definition definition() {
        return definition;
    }

    public Conditions conditions() {
        return definition.conditions();
    }

    public String definedBy() {
        return definedBy;
    }

    public Instant definedAt() {
        return definedAt;
    }

    public @Nullable String retiredBy() {
        return retiredBy;
    }

    public @Nullable Instant retiredAt() {
        return retiredAt;
    }

    @Override
    public String toString() {
        return ref().toString();
    }
}
