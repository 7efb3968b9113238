package io.passerelle.releaseservice.deployment.adapter.messaging;

import io.passerelle.platform.inbox.HandlesEvent;
import io.passerelle.platform.inbox.InboundEvent;
import io.passerelle.releaseservice.deployment.RecordRelease;
import io.passerelle.releaseservice.deployment.RecordRelease.PipelineRun;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** A green pipeline (integration-service) → a release of a catalogued service, planned into its first environment. */
@Component
class PipelineEventHandlers {

    private static final Logger log = LoggerFactory.getLogger(PipelineEventHandlers.class);

    private final RecordRelease recordRelease;

    PipelineEventHandlers(RecordRelease recordRelease) {
        this.recordRelease = recordRelease;
    }

    @HandlesEvent("pipeline.succeeded.v1")
    void onSucceeded(PipelineSucceeded data, InboundEvent event) {
        var outcome = recordRelease.record(new PipelineRun(data.service(), data.commitSha(), data.runUrl(),
                data.actor()));
        switch (outcome) {
            case RECORDED -> log.info("Recorded release of {} at {} (event {})", data.service(), data.commitSha(),
                    event.id());
            case UNKNOWN_SERVICE -> log.warn("Ignored {} {}: service {} is not in the catalog", event.type(),
                    event.id(), data.service());
            case ALREADY_RECORDED -> log.info("Ignored {} {}: {} already has a release of commit {}", event.type(),
                    event.id(), data.service(), data.commitSha());
        }
    }

    /** Our copy of the fields we read. */
    record PipelineSucceeded(String service, String commitSha, @Nullable String runUrl, @Nullable String actor) {
    }
}
