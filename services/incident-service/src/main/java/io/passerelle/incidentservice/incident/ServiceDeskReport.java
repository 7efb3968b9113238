package io.passerelle.incidentservice.incident;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** What a service desk agent logs; {@code startedAt} null means now. */
public record ServiceDeskReport(String service, String environment, String title, @Nullable String description,
        Level impact, Level urgency, @Nullable Instant startedAt) {

    /** When the incident started: as reported, or {@code now} when the agent did not say. */
    public Instant startedAtOr(Instant now) {
        return startedAt == null ? now : startedAt;
    }
}
