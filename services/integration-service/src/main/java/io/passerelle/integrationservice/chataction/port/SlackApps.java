package io.passerelle.integrationservice.chataction.port;

import java.time.Instant;
import java.util.Optional;

/** The Slack app's signing secret, sealed (port). */
public interface SlackApps {

    Optional<String> signingSecretSealed();

    /** Replaces what was set before. */
    void save(String signingSecretSealed, Instant at, String by);
}
