package io.passerelle.release.catalog;

/** Publishes the catalog's events to other services, in the transaction of the change. */
public interface CatalogEvents {

    void publish(ServiceRegistered event);
}
