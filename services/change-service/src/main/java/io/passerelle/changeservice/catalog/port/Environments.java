package io.passerelle.changeservice.catalog.port;

import java.util.List;
import java.util.Optional;

import io.passerelle.changeservice.catalog.Environment;

/** The projection of the catalog's environments, kept up to date from the services' registrations. */
public interface Environments {

    Optional<Environment> find(String service, String name);

    /** Whether any service has an environment of that name. */
    boolean known(String name);

    /** Replaces whatever was known about the service's environments with these. */
    void replace(String service, List<Environment> environments);
}
