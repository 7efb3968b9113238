package io.passerelle.changeservice.risk.port;

import java.util.List;
import java.util.Optional;

import io.passerelle.changeservice.risk.EnvironmentProfile;

/** The declared environment profiles, one per environment name. */
public interface EnvironmentProfiles {

    Optional<EnvironmentProfile> find(String environment);

    /** Every declared profile, by environment name. */
    List<EnvironmentProfile> all();

    /** Declares the profile, replacing the one declared before. */
    void save(EnvironmentProfile profile);

    /** The declared profile, or the default for an environment nobody declared (MEDIUM, no business hours). */
    default EnvironmentProfile of(String environment) {
        return find(environment).orElseGet(() -> EnvironmentProfile.undeclared(environment));
    }
}
