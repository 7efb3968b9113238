package io.passerelle.changeservice.risk;

import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import io.passerelle.changeservice.risk.port.EnvironmentProfiles;

/** The declared environment profiles for the unit tests. */
class InMemoryEnvironmentProfiles implements EnvironmentProfiles {

    private final TreeMap<String, EnvironmentProfile> profiles = new TreeMap<>();

    @Override
    public Optional<EnvironmentProfile> find(String environment) {
        return Optional.ofNullable(profiles.get(environment));
    }

    @Override
    public List<EnvironmentProfile> all() {
        return List.copyOf(profiles.values());
    }

    @Override
    public void save(EnvironmentProfile profile) {
        profiles.put(profile.environment(), profile);
    }
}
