package io.passerelle.releaseservice.gate;

import java.util.UUID;

import io.passerelle.platform.domain.NotFoundException;
import io.passerelle.platform.domain.NotPermittedException;
import io.passerelle.releaseservice.gate.port.Gates;
import org.jspecify.annotations.Nullable;

/** Reads a gate for whoever may: the client that opened it, or a reader of every gate (release and change managers). */
public final class ReadGate {

    private final Gates gates;

    public ReadGate(Gates gates) {
        this.gates = gates;
    }

    /**
     * @throws NotFoundException when there is no such gate
     * @throws NotPermittedException when {@code reader} is a pipeline client that did not open it
     */
    public Gate read(UUID id, Reader reader) {
        var gate = gates.byId(id).orElseThrow(() -> new NotFoundException("gate", id));
        if (!reader.readsEveryGate() && !gate.isOpenedBy(reader.client())) {
            throw notOpenedBy(id);
        }
        return gate;
    }

    static NotPermittedException notOpenedBy(UUID id) {
        return new NotPermittedException("gate " + id + " was opened by another client: a pipeline reads, waits on"
                + " and reports only the gates it opened");
    }

    /** Who reads: a token's client ({@code azp}), and whether its roles read every gate. */
    public record Reader(@Nullable String client, boolean readsEveryGate) {
    }
}
