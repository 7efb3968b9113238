package io.passerelle.integrationservice.chatops;

/** What a chat message tells; each has one template per chat kind ({@code <wire>.<chat>.json}). */
public enum NotificationKind {
    CHANGE_WAITING("change-waiting"),
    CHANGE_AUTHORIZED("change-authorized"),
    CHANGE_REJECTED("change-rejected"),
    CHANGE_FAILED("change-failed"),
    CHANGE_HELD("change-held"),
    INCIDENT_OPENED("incident-opened"),
    ROLLBACK_PROPOSED("rollback-proposed"),
    ROLLBACK_DECLINED("rollback-declined");

    private final String wire;

    NotificationKind(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
