package io.passerelle.integrationservice.cdevents.port;

import java.time.Instant;
import java.util.Optional;

/** The version last deployed to each service and environment, to tell a first deployment from an upgrade. */
public interface DeployedVersions {

    /** Records {@code version} as running there since {@code at} and returns the one that ran before, if any. */
    Optional<String> replace(String service, String environment, String version, Instant at);
}
