package io.passerelle.integrationservice.cdeventsin;

/** No bearer token, or not the token of a registered sender (401); nothing is written. */
public class UnauthenticatedSenderException extends RuntimeException {

    public UnauthenticatedSenderException(String message) {
        super(message);
    }
}
