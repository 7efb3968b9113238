package io.passerelle.integrationservice.github;

/** The delivery id was received before; a delivery has one effect at most. */
public class ReplayedDeliveryException extends RuntimeException {

    ReplayedDeliveryException(String deliveryId) {
        super("delivery " + deliveryId + " was already received");
    }
}
