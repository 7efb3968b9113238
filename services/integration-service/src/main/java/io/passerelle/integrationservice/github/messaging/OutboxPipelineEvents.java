package io.passerelle.integration.github.messaging;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.passerelle.integration.github.PipelineEvents;
import io.passerelle.integration.github.PipelineSucceeded;
import io.passerelle.platform.outbox.Outbox;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Maps the domain event to {@code pipeline.succeeded.v1} (api-specs/events) and appends it to the outbox. */
@Component
class OutboxPipelineEvents implements PipelineEvents {

    static final String TYPE = "pipeline.succeeded.v1";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Data(String service, String repository, String branch, String commitSha, String runId,
            @Nullable String runUrl, @Nullable String pipelineName, @Nullable String actor, String provider,
            String deliveryId, Instant finishedAt) {
    }

    private final Outbox outbox;

    OutboxPipelineEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void succeeded(PipelineSucceeded e) {
        outbox.append(TYPE, e.service() + "/" + e.runId(), new Data(e.service(), e.repository(), e.branch(),
                e.commitSha(), e.runId(), e.runUrl(), e.pipelineName(), e.actor(), e.provider(), e.deliveryId(),
                e.finishedAt()));
    }
}
