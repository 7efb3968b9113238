package io.passerelle.integrationservice.alert;

/**
 * A notification without a bearer token is unsigned, signed otherwise than its source's settings say, or signed at a
 * time outside the window; nothing was written.
 */
public class UnauthenticatedNotificationException extends RuntimeException {

    UnauthenticatedNotificationException(String message) {
        super(message);
    }
}
