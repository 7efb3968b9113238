package io.passerelle.integrationservice.executor.adapter.webhook;

import java.io.IOException;

import io.passerelle.platform.outbound.OutboundVerdict;
import io.passerelle.platform.outbound.PinnedHttpClient;

/** Sends one signed request to a target the outbound guard admitted, at the addresses it checked (port). */
interface Transport extends AutoCloseable {

    /** @return the HTTP status the target answered; redirects are not followed */
    int post(OutboundVerdict.Admitted target, SignedDeployRequest request) throws IOException;

    @Override
    default void close() throws IOException {
    }

    /** Over the platform's pinned HTTP client: the target's answer is not read, the connection not reused. */
    static Transport over(PinnedHttpClient http) {
        return new Transport() {
            @Override
            public int post(OutboundVerdict.Admitted target, SignedDeployRequest request) throws IOException {
                return http.post(target, request.headers(), request.body(), 0).status();
            }

            @Override
            public void close() throws IOException {
                http.close();
            }
        };
    }
}
