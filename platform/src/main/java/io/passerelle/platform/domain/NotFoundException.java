package io.passerelle.platform.domain;

/** Thrown when a command or query names something that does not exist; answered with 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " does not exist");
    }
}
