package io.passerelle.integrationservice.cdevents;

/**
 * The CDEvents Passerelle produces: the type on the wire (also the routing key on {@code passerelle.cdevents}) and the
 * version of the spec it follows. Approvals follow the spec's main branch (0.6.0-draft); change windows are custom
 * events of Passerelle's own ({@code dev.passerelle.*}), shaped after the spec's open change-window proposal.
 */
public enum CdEventType {

    SERVICE_DEPLOYED("dev.cdevents.service.deployed.0.3.0", CdEventType.V051),
    SERVICE_UPGRADED("dev.cdevents.service.upgraded.0.3.0", CdEventType.V051),
    SERVICE_ROLLEDBACK("dev.cdevents.service.rolledback.0.3.0", CdEventType.V051),
    INCIDENT_DETECTED("dev.cdevents.incident.detected.0.3.0", CdEventType.V051),
    INCIDENT_RESOLVED("dev.cdevents.incident.resolved.0.3.0", CdEventType.V051),
    TICKET_CREATED("dev.cdevents.ticket.created.0.2.0", CdEventType.V051),
    TICKET_UPDATED("dev.cdevents.ticket.updated.0.2.0", CdEventType.V051),
    TICKET_CLOSED("dev.cdevents.ticket.closed.0.2.0", CdEventType.V051),
    APPROVAL_CREATED("dev.cdevents.approval.created.0.1.0", CdEventType.DRAFT),
    APPROVAL_UPDATED("dev.cdevents.approval.updated.0.1.0", CdEventType.DRAFT),
    APPROVAL_CLOSED("dev.cdevents.approval.closed.0.1.0", CdEventType.DRAFT),
    CHANGEWINDOW_CREATED("dev.passerelle.changewindow.created.0.1.0", CdEventType.V051),
    CHANGEWINDOW_ENDED("dev.passerelle.changewindow.ended.0.1.0", CdEventType.V051);

    static final String V051 = "0.5.1";
    static final String DRAFT = "0.6.0-draft";

    private final String wire;
    private final String specVersion;

    CdEventType(String wire, String specVersion) {
        this.wire = wire;
        this.specVersion = specVersion;
    }

    /** {@code dev.cdevents.service.deployed.0.3.0}: context.type, the CloudEvents type and the routing key. */
    public String wire() {
        return wire;
    }

    /** context.specversion: the CDEvents version the event follows. */
    public String specVersion() {
        return specVersion;
    }

    /** Passerelle's own events, not the spec's (yet). */
    public boolean custom() {
        return !wire.startsWith("dev.cdevents.");
    }
}
