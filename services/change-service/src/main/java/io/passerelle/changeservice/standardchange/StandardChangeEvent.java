package io.passerelle.changeservice.standardchange;

import java.util.UUID;

import io.passerelle.platform.event.DomainEvent;

/** What happened to a standard-change template, registered by it and published when it is saved. */
public sealed interface StandardChangeEvent extends DomainEvent permits StandardChangeDefined, StandardChangeRetired {

    UUID templateId();

    @Override
    default String subject() {
        return templateId().toString();
    }
}
