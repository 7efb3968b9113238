package io.passerelle.integrationservice.cdeventsin;

/**
 * A CDEvent that cannot be taken as sent (422): {@code pointer} is the JSON pointer of the failing field, in the
 * CDEvent (e.g. {@code /subject/content/artifactId}).
 */
public class InvalidCdEventException extends RuntimeException {

    private final String pointer;

    public InvalidCdEventException(String pointer, String message) {
        super(message);
        this.pointer = pointer;
    }

    public String pointer() {
        return pointer;
    }
}
