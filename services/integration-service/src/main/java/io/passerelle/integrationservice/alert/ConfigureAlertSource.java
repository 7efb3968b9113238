package io.passerelle.integrationservice.alert;

import java.time.Clock;

import io.passerelle.integrationservice.alert.port.AlertSources;
import io.passerelle.platform.crypto.SecretSealer;
import io.passerelle.platform.domain.NotFoundException;
import io.passerelle.platform.domain.RuleViolationException;
import org.jspecify.annotations.Nullable;

/**
 * Sets how a source signs its notifications: the secret is sealed at once and never returned. Only Grafana signs;
 * Alertmanager authenticates with a bearer token.
 */
public final class ConfigureAlertSource {

    public static final int MIN_SECRET = 16;
    public static final int MAX_SECRET = 256;

    private final AlertSources sources;
    private final SecretSealer sealer;
    private final Clock clock;

    public ConfigureAlertSource(AlertSources sources, SecretSealer sealer, Clock clock) {
        this.sources = sources;
        this.sealer = sealer;
        this.clock = clock;
    }

    /**
     * @throws NotFoundException no such source
     * @throws RuleViolationException a source that does not sign (422)
     * @throws IllegalArgumentException a secret or header name that cannot be used (400); nothing is written
     */
    public SigningSettings signing(String sourceName, String secret, @Nullable String signatureHeader,
            @Nullable String timestampHeader, String by) {
        var source = Source.named(sourceName).orElseThrow(() -> new NotFoundException("alert source", sourceName));
        if (source != Source.GRAFANA) {
            throw RuleViolationException.unprocessable(source.wireName() + " does not sign its notifications: it"
                    + (source == Source.CDEVENTS ? " sends the bearer token of a CDEvents sender"
                            + " (PUT /api/v1/cdevents/senders/{name})" : " sends a bearer token with role monitoring"));
        }
        if (secret.length() < MIN_SECRET || secret.length() > MAX_SECRET) {
            throw new IllegalArgumentException("secret must be " + MIN_SECRET + " to " + MAX_SECRET
                    + " characters long");
        }
        var settings = new SigningSettings(source, sealer.seal(secret),
                signatureHeader == null ? SigningSettings.DEFAULT_SIGNATURE_HEADER : signatureHeader, timestampHeader,
                clock.instant(), by);
        sources.save(settings);
        return settings;
    }
}
