package io.passerelle.changeservice.change;

import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What a change request proposes and never changes afterwards: the type, what is changed where, by whose request,
 * and, for a change raised by a planned deployment, that deployment and its release.
 */
public record Proposal(ChangeType type, String service, String environment, String title,
        @Nullable String description, String requestedBy, @Nullable UUID deploymentId, @Nullable UUID releaseId) {

    public Proposal {
        Objects.requireNonNull(type, "type");
        requireText(service, "service");
        requireText(environment, "environment");
        requireText(title, "title");
        requireText(requestedBy, "requestedBy");
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
