package io.passerelle.releaseservice.catalog;

/** Publishes the catalog's events to other services, in the transaction of the change. */
public interface CatalogEvents {

    void publish(ServiceRegistered event);
}
