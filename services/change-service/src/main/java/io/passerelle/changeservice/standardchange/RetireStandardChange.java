package io.passerelle.changeservice.standardchange;

import java.time.Clock;
import java.util.UUID;

import io.passerelle.changeservice.standardchange.port.StandardChangeTemplates;
import io.passerelle.platform.domain.NotFoundException;

/** A change manager retires a standard-change template: no change matches it from then on. */
public class RetireStandardChange {

    private final StandardChangeTemplates templates;
    private final Clock clock;

    public RetireStandardChange(StandardChangeTemplates templates, Clock clock) {
        this.templates = templates;
        this.clock = clock;
    }

    public StandardChangeTemplate retire(UUID id, String by) {
        var template = templates.find(id).orElseThrow(() -> new NotFoundException("Standard-change template", id));
        template.retire(by, clock.instant());
        templates.save(template);
        return template;
    }
}
