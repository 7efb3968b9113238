package io.passerelle.integration.executor.messaging;

import java.util.UUID;

import io.passerelle.integration.executor.DeploymentOutcome;
import io.passerelle.integration.executor.SettleDispatch;
import io.passerelle.platform.inbox.EventHandler;
import io.passerelle.platform.inbox.InboundEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code deployment.succeeded.v1} and {@code deployment.failed.v1} (release-service) → the deployment's dispatch is
 * SETTLED, in the inbox transaction: the dispatcher sends nothing more for it. Idempotent: a dispatch already
 * settled, or a deployment this service never dispatched, is left as it is.
 */
final class DeploymentOutcomeHandlers {

    private static final Logger log = LoggerFactory.getLogger(DeploymentOutcomeHandlers.class);

    /** Our own reading of both events: the one field used here. */
    record Reported(UUID deploymentId) {
    }

    private DeploymentOutcomeHandlers() {
    }

    static void settle(SettleDispatch settle, InboundEvent event, DeploymentOutcome outcome) {
        var deploymentId = event.dataAs(Reported.class).deploymentId();
        boolean settled = settle.settle(deploymentId, outcome);
        log.info("Deployment {} {}: {} (event {})", deploymentId, outcome,
                settled ? "dispatch settled, nothing more is sent" : "no dispatch left to settle", event.id());
    }

    @Component
    static class Succeeded implements EventHandler {

        private final SettleDispatch settle;

        Succeeded(SettleDispatch settle) {
            this.settle = settle;
        }

        @Override
        public String type() {
            return "deployment.succeeded.v1";
        }

        @Override
        public void handle(InboundEvent event) {
            settle(settle, event, DeploymentOutcome.SUCCEEDED);
        }
    }

    @Component
    static class Failed implements EventHandler {

        private final SettleDispatch settle;

        Failed(SettleDispatch settle) {
            this.settle = settle;
        }

        @Override
        public String type() {
            return "deployment.failed.v1";
        }

        @Override
        public void handle(InboundEvent event) {
            settle(settle, event, DeploymentOutcome.FAILED);
        }
    }
}
