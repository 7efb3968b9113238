package io.passerelle.incident.incident.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.passerelle.incident.incident.IncidentEvent.IncidentOpened;
import io.passerelle.incident.suspect.Suspect;
import org.jspecify.annotations.Nullable;

/** incident.opened.v1 data. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record IncidentOpenedData(UUID incidentId, String service, String environment, String title, String priority,
        String impact, String urgency, String source, @Nullable String fingerprint, String reportedBy,
        Instant startedAt, Instant openedAt, List<SuspectData> suspects) {

    static IncidentOpenedData of(IncidentOpened e) {
        return new IncidentOpenedData(e.incidentId(), e.service(), e.environment(), e.title(), e.priority().name(),
                e.impact().name(), e.urgency().name(), e.source().name(), e.fingerprint(), e.reportedBy(),
                e.startedAt(), e.openedAt(), e.suspects().stream().map(SuspectData::of).toList());
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SuspectData(int rank, UUID deploymentId, String version, String commitSha, @Nullable UUID changeId,
            String outcome, Instant finishedAt, double score, String reason) {

        static SuspectData of(Suspect s) {
            return new SuspectData(s.rank(), s.deploymentId(), s.version(), s.commitSha(), s.changeId(),
                    s.outcome().name(), s.finishedAt(), s.score(), s.reason());
        }
    }
}
