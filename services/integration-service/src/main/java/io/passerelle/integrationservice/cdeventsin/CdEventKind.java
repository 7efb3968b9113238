package io.passerelle.integrationservice.cdeventsin;

import java.util.Arrays;
import java.util.Optional;

import io.passerelle.integrationservice.cdevents.CdEventType;

/**
 * The CDEvents v0.5.1 types Passerelle takes in, by their type on the wire (the types it also produces are named
 * once, in {@link CdEventType}). Any other CDEvent is answered as ignored.
 */
public enum CdEventKind {

    PIPELINERUN_FINISHED("dev.cdevents.pipelinerun.finished.0.3.0"),
    SERVICE_DEPLOYED(CdEventType.SERVICE_DEPLOYED.wire()),
    SERVICE_UPGRADED(CdEventType.SERVICE_UPGRADED.wire()),
    SERVICE_ROLLEDBACK(CdEventType.SERVICE_ROLLEDBACK.wire()),
    INCIDENT_DETECTED(CdEventType.INCIDENT_DETECTED.wire()),
    INCIDENT_RESOLVED(CdEventType.INCIDENT_RESOLVED.wire());

    private final String wire;

    CdEventKind(String wire) {
        this.wire = wire;
    }

    /** context.type, which the CloudEvent's type must equal. */
    public String wire() {
        return wire;
    }

    public static Optional<CdEventKind> of(String type) {
        return Arrays.stream(values()).filter(k -> k.wire.equals(type)).findFirst();
    }
}
