package io.passerelle.changeservice.freezewindow;

import java.util.UUID;

import io.passerelle.platform.event.DomainEvent;

/** What happened to a freeze window, registered by the window and published when it is saved. */
public sealed interface FreezeWindowEvent extends DomainEvent permits FreezeWindowDeclared, FreezeWindowEnded {

    UUID windowId();

    @Override
    default String subject() {
        return windowId().toString();
    }
}
