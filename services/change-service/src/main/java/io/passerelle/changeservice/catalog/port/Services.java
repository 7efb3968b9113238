package io.passerelle.changeservice.catalog.port;

/** The services of the catalog projection, by name. */
public interface Services {

    /** Whether the catalog registered a service of that name (with at least one environment). */
    boolean registered(String service);
}
