package io.passerelle.changeservice.catalog;

import java.util.Objects;

/** An environment of a service as the catalog registered it: whether a change to it needs approval. */
public record Environment(String service, String name, boolean requiresApproval) {

    public Environment {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(name, "name");
    }
}
