package io.passerelle.change.catalog;

import java.util.List;
import java.util.Optional;

/** The projection of the catalog's environments, kept up to date from the services' registrations. */
public interface Environments {

    Optional<Environment> find(String service, String name);

    /** Replaces whatever was known about the service's environments with these. */
    void replace(String service, List<Environment> environments);
}
