package io.passerelle.changeservice.freezewindow.port;

/** The names the catalog knows, so that a freeze window cannot name a service or an environment that does not exist. */
public interface ServiceCatalog {

    boolean hasService(String service);

    /** Whether any service has an environment of that name. */
    boolean hasEnvironment(String environment);
}
