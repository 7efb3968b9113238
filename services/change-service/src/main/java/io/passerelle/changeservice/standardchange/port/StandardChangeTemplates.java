package io.passerelle.changeservice.standardchange.port;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.passerelle.changeservice.standardchange.StandardChangeTemplate;

/** The standard-change templates, every version kept. */
public interface StandardChangeTemplates {

    /** The template as its newest version, retired or not. */
    Optional<StandardChangeTemplate> find(UUID id);

    /** Every template as its newest version, retired ones included, by name. */
    List<StandardChangeTemplate> all();

    /** The templates that are not retired, as their newest versions. */
    List<StandardChangeTemplate> active();

    /**
     * Stores what the template registered (a new version, its retirement) and publishes its events, in the caller's
     * transaction. Refused (409) when someone stored the same version, or retired it, meanwhile.
     */
    void save(StandardChangeTemplate template);
}
