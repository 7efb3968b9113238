package io.passerelle.releaseservice.deployment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** Deployments of releases to environments. */
public interface Deployments {

    void add(Deployment deployment);

    /** Stores the deployment's current state. */
    void update(Deployment deployment);

    /** The deployment, locked until the end of the transaction: for changing it. */
    Optional<Deployment> lock(UUID id);

    Optional<Deployment> byId(UUID id);

    /** Newest (planned) first, optionally of one service and/or one environment. */
    List<Deployment> newestFirst(@Nullable String service, @Nullable String environment);
}
