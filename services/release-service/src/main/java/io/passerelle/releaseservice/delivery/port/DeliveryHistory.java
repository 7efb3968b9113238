package io.passerelle.releaseservice.delivery.port;

import java.time.Instant;
import java.util.List;

import io.passerelle.releaseservice.delivery.FinishedDeployment;
import io.passerelle.releaseservice.delivery.IncidentCause;
import io.passerelle.releaseservice.delivery.Scope;

/** The deployments that finished, as the delivery figures read them. */
public interface DeliveryHistory {

    /**
     * The deployments of {@code scopes} that finished in [from, to) as SUCCEEDED or FAILED (CANCELLED never
     * happened), with their release's head commit time and, for a failure, the first success of the same service and
     * environment that finished after it, whenever that was.
     */
    List<FinishedDeployment> finishedBetween(List<Scope> scopes, Instant from, Instant to);

    /**
     * The incidents confirmed to be caused by the deployments of {@code scopes} that finished in [from, to) (those
     * {@link #finishedBetween} reads), each with its resolution when there is one.
     */
    List<IncidentCause> causesBetween(List<Scope> scopes, Instant from, Instant to);
}
