package io.passerelle.incidentservice.change.port;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import io.passerelle.incidentservice.change.RaisedChange;

/** The projection of raised changes (port). */
public interface Changes {

    /** Records the change; false when it was already known (a change is raised once). */
    boolean record(RaisedChange change);

    /** The known changes among {@code ids}, by id. */
    Map<UUID, RaisedChange> byIds(Collection<UUID> ids);
}
