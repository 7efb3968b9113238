package io.passerelle.integration.executor;

/** Where dispatch outcomes go (port; the outbox, in the caller's transaction). */
public interface DispatchEvents {

    void dispatched(DeploymentDispatched event);

    void dispatchFailed(DeploymentDispatchFailed event);
}
