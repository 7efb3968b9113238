package io.passerelle.integration.alert;

/** Where alert events go (port; the outbox, in the caller's transaction). */
public interface AlertEvents {

    void fired(AlertFired event);

    void resolved(AlertResolved event);
}
