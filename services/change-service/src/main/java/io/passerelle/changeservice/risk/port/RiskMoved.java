package io.passerelle.changeservice.risk.port;

import org.jspecify.annotations.Nullable;

/**
 * Told when something that moves the risk of a service's changes happened (an incident opened or resolved on it), so
 * that the changes not implementing yet are assessed again.
 */
@FunctionalInterface
public interface RiskMoved {

    /** The risk of changes to the service, in that environment or in all when null, may have moved. */
    void of(String service, @Nullable String environment);
}
