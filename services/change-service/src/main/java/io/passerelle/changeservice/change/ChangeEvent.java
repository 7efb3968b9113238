package io.passerelle.changeservice.change;

import java.util.UUID;

import io.passerelle.platform.event.DomainEvent;

/** What happened to a change, registered by the aggregate and published when the change is saved. */
public sealed interface ChangeEvent extends DomainEvent
        permits ChangeRaised, ChangeDecisionRecorded, ChangeAuthorized, ChangeHeld, ChangeRejected, ChangeClosed,
        ChangeFailed {

    UUID changeId();

    @Override
    default String subject() {
        return changeId().toString();
    }
}
