package io.passerelle.changeservice.risk;

import java.time.Clock;

import io.passerelle.changeservice.catalog.port.Environments;
import io.passerelle.changeservice.risk.port.EnvironmentProfiles;
import io.passerelle.platform.domain.RuleViolationException;
import org.jspecify.annotations.Nullable;

/**
 * A change manager declares how critical an environment is and, optionally, its business hours; only for an
 * environment the catalog knows (422 otherwise: a profile nothing would use is a typo).
 */
public class DefineEnvironmentProfile {

    private final EnvironmentProfiles profiles;
    private final Environments environments;
    private final Clock clock;

    public DefineEnvironmentProfile(EnvironmentProfiles profiles, Environments environments, Clock clock) {
        this.profiles = profiles;
        this.environments = environments;
        this.clock = clock;
    }

    public EnvironmentProfile define(String environment, Criticality criticality, @Nullable WeeklyHours businessHours,
            String by) {
        if (!environments.known(environment)) {
            throw RuleViolationException.unprocessable("No service in the catalog has an environment " + environment);
        }
        var profile = new EnvironmentProfile(environment, criticality, businessHours, by, clock.instant());
        profiles.save(profile);
        return profile;
    }
}
