package io.passerelle.integrationservice.cdeventsin;

import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

import io.passerelle.integrationservice.alert.Limits;
import io.passerelle.integrationservice.cdeventsin.port.ReceivedCdEvents;
import io.passerelle.integrationservice.cdeventsin.port.Senders;
import io.passerelle.integrationservice.catalog.CatalogedService;
import io.passerelle.integrationservice.catalog.port.CatalogedServices;
import io.passerelle.platform.crypto.SecretSealer;
import io.passerelle.platform.crypto.SharedTokens;
import io.passerelle.platform.event.DomainEvent;
import io.passerelle.platform.event.EventPublisher;
import io.passerelle.platform.event.EventTypes;
import org.jspecify.annotations.Nullable;

/**
 * Receives one CDEvent of a registered sender, already valid against the schema of its type: a type not taken is
 * ignored, with the reason; else it is told as Passerelle's events ({@link CdEventMappings}), recorded by its
 * CloudEvents source + id (the same again is a {@link Outcome.Duplicate} and publishes nothing) and published. A
 * CDEvent naming a service or environment the catalog does not hold is refused ({@link UnknownServiceException}).
 * Runs in the caller's transaction: the record and the events commit together, and a refusal writes nothing.
 */
public final class ReceiveCdEvent {

    /** What a received CDEvent led to. */
    public sealed interface Outcome {

        /** Published; {@code what} says which events. */
        record Accepted(String what) implements Outcome {
        }

        record Ignored(String reason) implements Outcome {
        }

        /** This source + id was taken before: nothing published again. */
        record Duplicate() implements Outcome {
        }
    }

    static final Pattern SHA = Pattern.compile("^[0-9a-f]{7,40}$");

    private final Senders senders;
    private final ReceivedCdEvents received;
    private final CdEventMappings mappings;
    private final EventPublisher events;
    private final SecretSealer sealer;
    private final Clock clock;

    public ReceiveCdEvent(Senders senders, ReceivedCdEvents received, CdEventMappings mappings, EventPublisher events,
            SecretSealer sealer, Clock clock) {
        this.senders = senders;
        this.received = received;
        this.mappings = mappings;
        this.events = events;
        this.sealer = sealer;
        this.clock = clock;
    }

    /**
     * The registered sender whose token this is; every sender's token is compared, in constant time, whichever
     * matches.
     *
     * @throws UnauthenticatedSenderException no token, or no sender's; nothing is written
     */
    public Sender authenticate(@Nullable String token) {
        if (token == null || token.isEmpty()) {
            throw new UnauthenticatedSenderException("send the sender's token: Authorization: Bearer <token>");
        }
        Sender found = null;
        for (var sender : senders.all()) {
            if (SharedTokens.same(token, sealer.unseal(sender.tokenSealed())) && found == null) {
                found = sender;
            }
        }
        if (found == null) {
            throw new UnauthenticatedSenderException("the bearer token is not the token of a registered CDEvents"
                    + " sender (PUT /api/v1/cdevents/senders/{name})");
        }
        return found;
    }

    /**
     * @throws InvalidCdEventException what the CDEvent says cannot be taken (naming the field); nothing is written
     * @throws UnknownServiceException a service or environment not in the catalog; nothing is written
     */
    public Outcome receive(Sender sender, InboundCdEvent event) {
        var kind = CdEventKind.of(event.type()).orElse(null);
        if (kind == null) {
            return new Outcome.Ignored("CDEvent type " + event.type() + " is not taken in: Passerelle reads "
                    + "pipelinerun.finished, service.deployed|upgraded|rolledback and incident.detected|resolved");
        }
        var now = clock.instant();
        var mapped = mappings.map(kind, sender, event, now);
        if (mapped instanceof CdEventMappings.Mapped.Nothing nothing) {
            return new Outcome.Ignored(nothing.reason());
        }
        if (!received.record(event.source(), event.id(), event.type(), sender.name(), now)) {
            return new Outcome.Duplicate();
        }
        return switch (mapped) {
            case CdEventMappings.Mapped.Events published -> {
                published.events().forEach(events::publish);
                yield new Outcome.Accepted(describe(published.events()));
            }
            case CdEventMappings.Mapped.Alert alert -> {
                var receipt = mappings.alerts().receive(alert.source(), alert.source().version(),
                        List.of(alert.alert()));
                var type = "firing".equals(alert.alert().status()) ? "alert.fired.v1" : "alert.resolved.v1";
                yield new Outcome.Accepted(type + (receipt.unattributed() > 0 ? " (unattributed: no catalogued"
                        + " service and environment named)" : ""));
            }
            case CdEventMappings.Mapped.Nothing nothing -> new Outcome.Ignored(nothing.reason());
        };
    }

    private static String describe(List<DomainEvent> published) {
        return published.size() + " event(s): " + String.join(", ", published.stream()
                .map(e -> EventTypes.of(e.getClass()))
                .distinct().toList());
    }

    /** @throws InvalidCdEventException a commit that is not a SHA */
    static @Nullable String commit(@Nullable String sha, String pointer) {
        if (sha != null && !SHA.matcher(sha).matches()) {
            throw new InvalidCdEventException(pointer, pointer + ": a commit SHA (7 to 40 lowercase hex digits)");
        }
        return sha;
    }

    /** @throws InvalidCdEventException a text longer than {@code max} */
    static @Nullable String bounded(@Nullable String text, String pointer, int max) {
        try {
            Limits.atMost(pointer, text, max);
        } catch (IllegalArgumentException e) {
            throw new InvalidCdEventException(pointer, e.getMessage());
        }
        return text;
    }

    static CatalogedService service(CatalogedServices catalog, String name, String pointer) {
        return catalog.byName(name).orElseThrow(() -> new UnknownServiceException(pointer, "service '" + name
                + "' (" + pointer + ") is not in the catalog: register it, then send the CDEvent again"));
    }
}
