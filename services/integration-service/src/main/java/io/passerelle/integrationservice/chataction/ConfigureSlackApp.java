package io.passerelle.integrationservice.chataction;

import java.time.Clock;
import java.time.Instant;

import io.passerelle.integrationservice.chataction.port.SlackApps;
import io.passerelle.platform.crypto.SecretSealer;

/** Sets the Slack app's signing secret: sealed at once, never returned. */
public final class ConfigureSlackApp {

    public static final int MIN_SECRET = 16;
    public static final int MAX_SECRET = 256;

    private final SlackApps apps;
    private final SecretSealer sealer;
    private final Clock clock;

    public ConfigureSlackApp(SlackApps apps, SecretSealer sealer, Clock clock) {
        this.apps = apps;
        this.sealer = sealer;
        this.clock = clock;
    }

    /** @throws IllegalArgumentException a secret of the wrong length (400); nothing is written */
    public Instant signingSecret(String secret, String by) {
        if (secret.length() < MIN_SECRET || secret.length() > MAX_SECRET) {
            throw new IllegalArgumentException("signingSecret must be " + MIN_SECRET + " to " + MAX_SECRET
                    + " characters long");
        }
        var at = clock.instant();
        apps.save(sealer.seal(secret), at, by);
        return at;
    }
}
