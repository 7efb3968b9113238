package io.passerelle.integration.executor.messaging;

import java.util.UUID;

import io.passerelle.integration.executor.DeploymentRequest;
import io.passerelle.integration.executor.RequestDispatch;
import io.passerelle.integration.executor.worker.DispatchWorker;
import io.passerelle.platform.inbox.EventHandler;
import io.passerelle.platform.inbox.InboundEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code deployment.requested.v1} → a PENDING dispatch, in the inbox transaction; no call to the target here. The
 * dispatcher is woken once that transaction commits.
 */
@Component
class DeploymentRequestedHandler implements EventHandler {

    private static final Logger log = LoggerFactory.getLogger(DeploymentRequestedHandler.class);

    /** Our own reading of the event: only the fields used here. */
    record DeploymentRequested(UUID deploymentId, UUID changeId, String service, String environment, String version,
            String commitSha, Target target) {
    }

    record Target(String type, String url) {
    }

    private final RequestDispatch dispatch;
    private final DispatchWorker worker;

    DeploymentRequestedHandler(RequestDispatch dispatch, DispatchWorker worker) {
        this.dispatch = dispatch;
        this.worker = worker;
    }

    @Override
    public String type() {
        return "deployment.requested.v1";
    }

    @Override
    public void handle(InboundEvent event) {
        var requested = event.dataAs(DeploymentRequested.class);
        var outcome = dispatch.request(new DeploymentRequest(requested.deploymentId(), requested.changeId(),
                requested.service(), requested.environment(), requested.version(), requested.commitSha(),
                requested.target().type(), requested.target().url()));
        log.info("Deployment {} to {}: {} (event {})", requested.deploymentId(), requested.target().url(), outcome,
                event.id());
        if (outcome == RequestDispatch.Requested.QUEUED) {
            worker.wakeUpAfterCommit();
        }
    }
}
