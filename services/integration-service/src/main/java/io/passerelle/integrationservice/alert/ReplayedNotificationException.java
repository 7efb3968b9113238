package io.passerelle.integrationservice.alert;

/** A signed notification was received before with the same signature (and time): it has no second effect. */
public class ReplayedNotificationException extends RuntimeException {

    ReplayedNotificationException(String message) {
        super(message);
    }
}
