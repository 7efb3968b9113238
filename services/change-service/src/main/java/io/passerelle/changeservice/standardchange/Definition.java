package io.passerelle.changeservice.standardchange;

import java.util.Objects;

/** What a change manager says a standard change is: a name, a description for people, and its conditions. */
public record Definition(String name, String description, Conditions conditions) {

    public static final int MAX_NAME = 200;
    public static final int MAX_DESCRIPTION = 4000;

    public Definition {
        Objects.requireNonNull(conditions, "conditions");
        if (name.isBlank() || name.length() > MAX_NAME) {
            throw new IllegalArgumentException("name must be 1 to " + MAX_NAME + " characters, not blank");
        }
        if (description.isBlank() || description.length() > MAX_DESCRIPTION) {
            throw new IllegalArgumentException("description must be 1 to " + MAX_DESCRIPTION + " characters, not blank");
        }
    }
}
