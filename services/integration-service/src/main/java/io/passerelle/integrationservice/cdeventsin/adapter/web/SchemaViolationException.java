package io.passerelle.integrationservice.cdeventsin.adapter.web;

import java.util.List;

import io.passerelle.integrationservice.cdeventsin.InvalidCdEventException;

/** The CDEvent breaks the schema of its type: every violation, the first one's pointer as the problem's. */
class SchemaViolationException extends InvalidCdEventException {

    private final List<CdEventSchemas.Violation> violations;

    SchemaViolationException(String type, List<CdEventSchemas.Violation> violations) {
        super(violations.getFirst().pointer(), "the CDEvent does not conform to the CDEvents v0.5.1 schema of " + type
                + ": " + String.join("; ", violations.stream().map(v -> v.pointer() + " " + v.message()).toList()));
        this.violations = List.copyOf(violations);
    }

    List<CdEventSchemas.Violation> violations() {
        return violations;
    }
}
