package io.passerelle.integrationservice.cdevents;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.passerelle.integrationservice.cdevents.port.CdEventLog;
import io.passerelle.integrationservice.cdevents.port.CdEventLog.DeliveryState;
import io.passerelle.integrationservice.cdevents.port.CdEventRelay;
import io.passerelle.platform.domain.NotFoundException;
import io.passerelle.platform.domain.RuleViolationException;

/**
 * An operator's replay of a CDEvent that a destination never took (retries spent, or refused for good): due again at
 * once, attempts from zero, and the deliverers woken once the caller's transaction commits.
 */
public class ReplayCdEventDelivery {

    private final CdEventLog log;
    private final List<CdEventRelay> relays;
    private final Clock clock;

    public ReplayCdEventDelivery(CdEventLog log, List<CdEventRelay> relays, Clock clock) {
        this.log = log;
        this.relays = List.copyOf(relays);
        this.clock = clock;
    }

    /** Must run in a transaction. */
    public DeliveryState replay(UUID id, String destination) {
        var delivery = log.delivery(id, destination).orElseThrow(() -> new NotFoundException(
                "The delivery to " + destination + " of CDEvent", id));
        if (delivery.state() != CdEventLog.State.FAILED || !log.replay(id, destination, clock.instant())) {
            throw RuleViolationException.conflict("The delivery of CDEvent " + id + " to " + destination + " is "
                    + delivery.state() + ", not FAILED: only a failed delivery is replayed");
        }
        relays.forEach(CdEventRelay::wakeUpAfterCommit);
        return new DeliveryState(destination, CdEventLog.State.PENDING, 0, null, delivery.reason());
    }
}
