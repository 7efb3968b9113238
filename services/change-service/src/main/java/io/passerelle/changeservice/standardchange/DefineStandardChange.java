package io.passerelle.changeservice.standardchange;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;

import io.passerelle.changeservice.catalog.CatalogNames;
import io.passerelle.changeservice.standardchange.port.StandardChangeTemplates;
import io.passerelle.platform.domain.NotFoundException;
import org.jspecify.annotations.Nullable;

/**
 * A change manager defines a standard-change template, or a new version of one. Every service and environment it
 * names must be known to the catalog (422 otherwise: a condition that can never hold is a typo).
 */
public class DefineStandardChange {

    private final StandardChangeTemplates templates;
    private final CatalogNames catalog;
    private final Clock clock;

    public DefineStandardChange(StandardChangeTemplates templates, CatalogNames catalog, Clock clock) {
        this.templates = templates;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Version 1 of a new template. */
    public StandardChangeTemplate define(Definition definition, String by) {
        checkKnown(definition.conditions());
        var template = StandardChangeTemplate.define(UUID.randomUUID(), definition, by, clock.instant());
        templates.save(template);
        return template;
    }

    /** The next version of a template (404 unknown, 409 retired). */
    public StandardChangeTemplate redefine(UUID id, Definition definition, String by) {
        var template = templates.find(id).orElseThrow(() -> new NotFoundException("Standard-change template", id));
        checkKnown(definition.conditions());
        template.redefine(definition, by, clock.instant());
        templates.save(template);
        return template;
    }

    private void checkKnown(Conditions conditions) {
        catalog.requireKnown(orNone(conditions.services()), orNone(conditions.environments()));
    }

    private static Set<String> orNone(@Nullable Set<String> names) {
        return names == null ? Set.of() : names;
    }
}
