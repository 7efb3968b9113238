package io.passerelle.platform.domain;

/** Thrown when a person would both request and approve the same thing; answered with 403. */
public class SegregationOfDutiesException extends RuntimeException {

    public SegregationOfDutiesException(String message) {
        super(message);
    }
}
