package io.passerelle.integrationservice.alert.port;

import java.util.Optional;

import io.passerelle.integrationservice.alert.Source;
import io.passerelle.integrationservice.alert.SigningSettings;

/** How each source signs its notifications (port). */
public interface AlertSources {

    Optional<SigningSettings> signing(Source source);

    /** Replaces what was configured for the source. */
    void save(SigningSettings settings);
}
