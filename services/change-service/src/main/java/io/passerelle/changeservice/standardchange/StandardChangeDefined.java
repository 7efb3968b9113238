package io.passerelle.changeservice.standardchange;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.passerelle.platform.event.EventType;
import org.jspecify.annotations.Nullable;

/**
 * A standard-change template was defined, or defined anew as its next version; {@code services} or
 * {@code environments} absent: all of them.
 */
@EventType("standard-change.defined.v1")
public record StandardChangeDefined(UUID templateId, int version, String name, String description,
        @Nullable List<String> services, @Nullable List<String> environments, int maxRiskScore,
        @Nullable AllowedHours allowedHours, String definedBy, Instant definedAt) implements StandardChangeEvent {

    /** Days (MONDAY…SUNDAY, in week order), from and to as HH:mm, an IANA zone. */
    public record AllowedHours(List<String> days, String from, String to, String zone) {
    }
}
