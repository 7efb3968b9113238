package io.passerelle.releaseservice.gate.adapter.messaging;

import java.time.Instant;
import java.util.UUID;

import io.passerelle.platform.domain.RuleViolationException;
import io.passerelle.platform.inbox.HandlesEvent;
import io.passerelle.platform.inbox.InboundEvent;
import io.passerelle.releaseservice.gate.Evidence;
import io.passerelle.releaseservice.gate.OpenGate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A gate another service asks for on behalf of a pipeline that waits (integration-service, for a GitHub environment
 * whose deployment protection rule is Passerelle's App): opened with the id it chose, idempotently, on behalf of its
 * source; the person behind the change is the actor. Its decision goes out as gate.decided.v1 like any gate's.
 */
@Component
class GateRequestHandlers {

    private static final Logger log = LoggerFactory.getLogger(GateRequestHandlers.class);

    private final OpenGate openGate;

    GateRequestHandlers(OpenGate openGate) {
        this.openGate = openGate;
    }

    @HandlesEvent("gate.requested.v1")
    void onRequested(GateRequested data, InboundEvent event) {
        try {
            var opened = openGate.open(data.gateId(), new OpenGate.Request(data.service(), data.environment(),
                    data.commitSha(), data.runUrl(), data.actor(), null, Evidence.NONE, null), data.source());
            log.info("Gate {} for {} {} at {} ({}): {}", data.gateId(), data.service(), data.environment(),
                    data.commitSha(), data.source(), opened.created() ? "opened" : "open already");
        } catch (RuleViolationException | IllegalArgumentException e) {
            // the requester checked the catalog before asking; a catalog that changed since cannot gate it here
            log.warn("Gate {} asked for by {} ({}) cannot be opened: {}; event {} dropped", data.gateId(),
                    data.source(), data.runUrl(), e.getMessage(), event.id());
        }
    }

    /** Only the fields this service uses (tolerant reader). */
    record GateRequested(UUID gateId, String service, String environment, String commitSha, String runUrl,
            @Nullable String actor, String source, Instant requestedAt) {
    }
}
