package io.passerelle.integrationservice.cdeventsin;

import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

import io.passerelle.integrationservice.cdeventsin.port.Senders;
import io.passerelle.platform.crypto.SecretSealer;
import io.passerelle.platform.domain.NotFoundException;

/**
 * Operators register the tools that may send CDEvents: a name and a bearer token, sealed at once and never shown
 * again; registering a name again replaces its token (rotation). Runs in the caller's transaction.
 */
public final class RegisterSenders {

    static final Pattern NAME = Pattern.compile("^[a-z0-9][a-z0-9-]{0,62}$");
    static final int MIN_TOKEN = 32;
    static final int MAX_TOKEN = 256;

    private final Senders senders;
    private final SecretSealer sealer;
    private final Clock clock;

    public RegisterSenders(Senders senders, SecretSealer sealer, Clock clock) {
        this.senders = senders;
        this.sealer = sealer;
        this.clock = clock;
    }

    /** @throws IllegalArgumentException a name or token out of form; nothing written */
    public Sender register(String name, String token, String by) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name must match " + NAME.pattern());
        }
        if (token.length() < MIN_TOKEN || token.length() > MAX_TOKEN
                || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("token must be " + MIN_TOKEN + " to " + MAX_TOKEN
                    + " printable ASCII characters without spaces");
        }
        var sender = new Sender(name, sealer.seal(token), clock.instant(), by);
        senders.save(sender);
        return sender;
    }

    public List<Sender> all() {
        return senders.all();
    }

    /** @throws NotFoundException no sender of that name */
    public void remove(String name) {
        if (!senders.remove(name)) {
            throw new NotFoundException("CDEvents sender", name);
        }
    }
}
