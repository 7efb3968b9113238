package io.passerelle.integrationservice.cdeventsin;

/**
 * The CDEvent names a service, or an environment of it, that the catalog does not hold (422, so that the sender shows
 * it failed and sends it again once the service is registered); nothing is written.
 */
public class UnknownServiceException extends InvalidCdEventException {

    public UnknownServiceException(String pointer, String message) {
        super(pointer, message);
    }
}
