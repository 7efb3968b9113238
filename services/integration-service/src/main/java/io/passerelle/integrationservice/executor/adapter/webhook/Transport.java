package io.passerelle.integrationservice.executor.adapter.webhook;

import java.io.IOException;

import io.passerelle.platform.outbound.OutboundVerdict;

/** Sends one signed request to a target the outbound guard admitted, at the addresses it checked (port). */
interface Transport extends AutoCloseable {

    /** @return the HTTP status the target answered; redirects are not followed */
    int post(OutboundVerdict.Admitted target, SignedDeployRequest request) throws IOException;

    @Override
    default void close() throws IOException {
    }
}
