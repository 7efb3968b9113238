package io.passerelle.change.change.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.passerelle.change.change.ChangeEvent;
import io.passerelle.change.change.ChangeEventPublisher;
import io.passerelle.platform.outbox.Outbox;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Maps each domain event to its logical, versioned type and the data of api-specs/events/&lt;type&gt;.json, and
 * appends it to the outbox in the caller's transaction.
 */
@Component
class OutboxChangeEventPublisher implements ChangeEventPublisher {

    private final Outbox outbox;

    OutboxChangeEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void publish(List<ChangeEvent> events) {
        for (var event : events) {
            var subject = event.changeId().toString();
            switch (event) {
                case ChangeEvent.Raised e -> outbox.append("change.raised.v1", subject, new ChangeRaisedV1(
                        e.changeId(), e.type().name(), e.state().name(), e.service(), e.environment(), e.title(),
                        e.requestedBy(), e.deploymentId(), e.releaseId(), e.raisedAt()));
                case ChangeEvent.Authorized e -> outbox.append("change.authorized.v1", subject, new ChangeAuthorizedV1(
                        e.changeId(), e.type().name(), e.service(), e.environment(), e.deploymentId(), e.authorizedBy(),
                        e.authorizedAt()));
                case ChangeEvent.Rejected e -> outbox.append("change.rejected.v1", subject, new ChangeRejectedV1(
                        e.changeId(), e.service(), e.environment(), e.deploymentId(), e.rejectedBy(), e.reason(),
                        e.rejectedAt()));
                case ChangeEvent.Closed e -> outbox.append("change.closed.v1", subject, new ChangeClosedV1(
                        e.changeId(), e.service(), e.environment(), e.deploymentId(), e.closedAt()));
                case ChangeEvent.Failed e -> outbox.append("change.failed.v1", subject, new ChangeFailedV1(
                        e.changeId(), e.service(), e.environment(), e.deploymentId(), e.reason(), e.failedAt()));
            }
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ChangeRaisedV1(UUID changeId, String type, String state, String service, String environment, String title,
            String requestedBy, @Nullable UUID deploymentId, @Nullable UUID releaseId, Instant raisedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ChangeAuthorizedV1(UUID changeId, String type, String service, String environment,
            @Nullable UUID deploymentId, String authorizedBy, Instant authorizedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ChangeRejectedV1(UUID changeId, String service, String environment, @Nullable UUID deploymentId,
            String rejectedBy, String reason, Instant rejectedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ChangeClosedV1(UUID changeId, String service, String environment, @Nullable UUID deploymentId,
            Instant closedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ChangeFailedV1(UUID changeId, String service, String environment, @Nullable UUID deploymentId,
            @Nullable String reason, Instant failedAt) {
    }
}
