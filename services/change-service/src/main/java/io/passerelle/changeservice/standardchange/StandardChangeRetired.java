package io.passerelle.changeservice.standardchange;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.platform.event.EventType;

/** A standard-change template was retired at its last version: no change matches it any more. */
@EventType("standard-change.retired.v1")
public record StandardChangeRetired(UUID templateId, int version, String name, String retiredBy, Instant retiredAt)
        implements StandardChangeEvent {
}
