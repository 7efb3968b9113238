package io.passerelle.releaseservice.gate;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;

import io.passerelle.platform.crypto.SecretSealer;
import io.passerelle.platform.domain.RuleViolationException;
import io.passerelle.platform.outbound.OutboundGuard;
import io.passerelle.platform.outbound.OutboundVerdict;
import io.passerelle.releaseservice.catalog.Environment;
import io.passerelle.releaseservice.catalog.port.Services;
import io.passerelle.releaseservice.deployment.Deployment;
import io.passerelle.releaseservice.deployment.Release;
import io.passerelle.releaseservice.deployment.port.Deployments;
import io.passerelle.releaseservice.deployment.port.Releases;
import io.passerelle.releaseservice.gate.port.Gates;
import org.jspecify.annotations.Nullable;

/**
 * A pipeline asks whether it may deploy a commit of a service to an environment. Everything that can refuse the
 * request is checked before anything is written: the service and environment must be in the catalog (422), the
 * callback URL must pass the outbound guard (malformed 400, forbidden 422). Then the release of the commit is
 * recorded or reused (one per service and commit), locked, and the same request's open gate is answered if there is
 * one; otherwise a deployment for the pipeline is planned (deployment.planned.v1, which makes change-service raise
 * its change) and the gate opened. The callback's key is drawn here and answered once; it is stored sealed.
 */
public final class OpenGate {

    static final int SECRET_BYTES = 32;

    private final Services services;
    private final Releases releases;
    private final Deployments deployments;
    private final Gates gates;
    private final SecretSealer sealer;
    private final OutboundGuard guard;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public OpenGate(Services services, Releases releases, Deployments deployments, Gates gates, SecretSealer sealer,
            OutboundGuard guard, Clock clock) {
        this.services = services;
        this.releases = releases;
        this.deployments = deployments;
        this.gates = gates;
        this.sealer = sealer;
        this.guard = guard;
        this.clock = clock;
    }

    /** Opens the gate {@code request} asks for on behalf of the client {@code client} (the token's {@code azp}). */
    public Opened open(Request request, String client) {
        return open(UUID.randomUUID(), request, client);
    }

    /**
     * Opens the gate {@code request} asks for with the id its requester chose (a gate another service asked for by
     * an event, such as a GitHub environment's protection rule): the gate of that id, if it is open already.
     */
    public Opened open(UUID gateId, Request request, String client) {
        var known = gates.byId(gateId);
        if (known.isPresent()) {
            return new Opened(known.get(), null, false);
        }
        var service = services.byName(request.service()).orElseThrow(() -> RuleViolationException.unprocessable(
                "service " + request.service() + " is not in the catalog"));
        var environment = service.environment(request.environment()).orElseThrow(() ->
                RuleViolationException.unprocessable("service " + service.name() + " has no environment "
                        + request.environment() + " (it has " + service.environments().stream()
                        .map(Environment::name).toList() + ")"));
        if (request.callbackUrl() != null) {
            checkCallbackUrl(request.callbackUrl());
        }
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var requester = request.actor() != null ? request.actor() : client;
        var release = Release.fromPipeline(service.name(), request.commitSha(), request.version(), request.runUrl(),
                requester, now);

        releases.save(release); // nothing when the service has a release of that commit already
        var recorded = releases.lock(service.name(), request.commitSha()).orElseThrow(() ->
                new IllegalStateException("release of " + service.name() + " at " + request.commitSha() + " is missing"));
        var open = gates.openFor(recorded.id(), environment.name(), request.runUrl(), client);
        if (open.isPresent()) {
            return new Opened(open.get(), null, false);
        }
        var deployment = Deployment.planForPipeline(recorded, environment, "pipeline:" + requester, request.runUrl(),
                now);
        deployments.save(deployment);
        String secret = null;
        Callback callback = null;
        if (request.callbackUrl() != null) {
            secret = newSecret();
            callback = new Callback(request.callbackUrl(), sealer.seal(secret));
        }
        var gate = Gate.open(gateId, deployment, client, request.evidence(), callback, now);
        gates.save(gate);
        return new Opened(gate, secret, true);
    }

    private void checkCallbackUrl(String url) {
        switch (guard.check(url)) {
            case OutboundVerdict.Malformed malformed -> throw new IllegalArgumentException("callbackUrl: " + url + " "
                    + malformed.reason());
            case OutboundVerdict.Forbidden forbidden -> throw RuleViolationException.unprocessable("callbackUrl: " + url
                    + " is refused: " + forbidden.reason());
            case OutboundVerdict.Admitted admitted -> { }
            case OutboundVerdict.Unresolved unresolved -> { } // checked again at every call
        }
    }

    private String newSecret() {
        var bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What a pipeline asks; {@code actor} is who triggered it, when it says so. */
    public record Request(String service, String environment, String commitSha, String runUrl, @Nullable String actor,
            @Nullable String version, Evidence evidence, @Nullable String callbackUrl) {

        static final Pattern ACTOR = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}(\\[bot\\])?$");

        public Request {
            if (runUrl.length() > Evidence.MAX_URL || !Evidence.URL.matcher(runUrl).matches()) {
                throw new IllegalArgumentException("runUrl must be an http(s) URL of at most " + Evidence.MAX_URL
                        + " characters");
            }
            if (actor != null && !ACTOR.matcher(actor).matches()) {
                throw new IllegalArgumentException("actor must be a toolchain login (letters, digits, '.', '_', '-')");
            }
            if (callbackUrl != null && callbackUrl.length() > Evidence.MAX_URL) {
                throw new IllegalArgumentException("callbackUrl must have at most " + Evidence.MAX_URL + " characters");
            }
        }
    }

    /**
     * The gate; {@code callbackSecret} in clear only when this request opened it with a callback URL (it is never
     * answered again); {@code created} false when the same request's open gate was found.
     */
    public record Opened(Gate gate, @Nullable String callbackSecret, boolean created) {

        @Override
        public String toString() {
            return "Opened[gate=" + gate.id() + ", created=" + created + "]";
        }
    }
}
