package io.passerelle.integrationservice.cdevents;

import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;

import io.passerelle.integrationservice.cdevents.port.CdEventOutbox;
import io.passerelle.integrationservice.cdevents.port.CdEventRelay;
import io.passerelle.integrationservice.cdevents.port.DeployedVersions;

/**
 * Tells the toolchain, as CDEvents, what a Passerelle event says: in the transaction that handles that event, its
 * CDEvents are appended to the outbox (their ids derived from its id), to leave after commit. Deployments keep the
 * version that runs in each environment, which tells {@code service.deployed} from {@code service.upgraded}.
 */
public final class PublishCdEvents {

    private final CdEventOutbox outbox;
    private final DeployedVersions versions;
    private final Links links;
    private final String source;
    private final List<CdEventRelay> relays;

    public PublishCdEvents(CdEventOutbox outbox, DeployedVersions versions, Links links, String source,
            List<CdEventRelay> relays) {
        this.outbox = outbox;
        this.relays = List.copyOf(relays);
        this.versions = versions;
        this.links = links;
        this.source = source;
    }

    /** The CDEvents {@code translation} makes of the Passerelle event {@code eventId}, appended to the outbox. */
    public List<CdEvent> publish(String eventId, Instant time, BiFunction<CdEvent.Origin, Links, List<CdEvent>> translation) {
        var events = translation.apply(new CdEvent.Origin(eventId, time, source), links);
        outbox.append(events);
        relays.forEach(CdEventRelay::wakeUpAfterCommit);
        return events;
    }

    /** A deployment succeeded: deployed, or upgraded when another version ran there before. */
    public CdEvent deployed(String eventId, Instant time, ServiceEvents.Deployed deployment) {
        var previous = versions.replace(deployment.service(), deployment.environment(), deployment.version(), time);
        var withPrevious = new ServiceEvents.Deployed(deployment.deploymentId(), deployment.changeId(),
                deployment.service(), deployment.environment(), deployment.version(), deployment.commitSha(),
                previous.orElse(null));
        return publish(eventId, time, (origin, l) -> List.of(ServiceEvents.deployed(origin, withPrevious))).get(0);
    }

    /** A rollback succeeded: the restored version runs there again. */
    public CdEvent rolledBack(String eventId, Instant time, ServiceEvents.RolledBack rollback) {
        versions.replace(rollback.service(), rollback.environment(), rollback.restoredVersion(), time);
        return publish(eventId, time, (origin, l) -> List.of(ServiceEvents.rolledBack(origin, rollback))).get(0);
    }
}
