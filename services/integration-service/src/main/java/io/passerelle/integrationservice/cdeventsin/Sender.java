package io.passerelle.integrationservice.cdeventsin;

import java.time.Instant;

/** A tool allowed to send CDEvents, with its bearer token sealed ({@code passerelle.secrets.key}). */
public record Sender(String name, String tokenSealed, Instant updatedAt, String updatedBy) {

    @Override
    public String toString() {
        return "Sender[" + name + ", updated " + updatedAt + " by " + updatedBy + "]";
    }
}
