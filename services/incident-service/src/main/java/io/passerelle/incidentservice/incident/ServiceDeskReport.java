package io.passerelle.incident.incident;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** What a service desk agent logs; {@code startedAt} null means now. */
public record ServiceDeskReport(String service, String environment, String title, @Nullable String description,
        Level impact, Level urgency, @Nullable Instant startedAt) {
}
