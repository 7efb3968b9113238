package io.passerelle.integrationservice.catalog;

/** Two services claim one repository: the producer's catalog broke its own rule; the event goes to the DLQ. */
public class RepositoryAlreadyCatalogedException extends RuntimeException {

    public RepositoryAlreadyCatalogedException(String repository, String service, Throwable cause) {
        super("repository " + repository + " is already catalogued for another service than " + service, cause);
    }
}
