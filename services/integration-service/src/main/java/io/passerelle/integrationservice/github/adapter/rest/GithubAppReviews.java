package io.passerelle.integrationservice.github.adapter.rest;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.passerelle.integrationservice.executor.CallOutcome;
import io.passerelle.integrationservice.github.ApiUrl;
import io.passerelle.integrationservice.github.ReviewClaim;
import io.passerelle.integrationservice.github.port.GithubReviews;
import io.passerelle.platform.outbound.OutboundGuard;
import io.passerelle.platform.outbound.OutboundVerdict;
import io.passerelle.platform.outbound.PinnedHttpClient;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reviews a protection rule as the GitHub App's installation, one attempt per call, retries left to the caller:
 * the callback URL must pass the outbound guard (at each attempt: DNS answers change); the attempt is counted; an
 * installation token is taken from the cache, or obtained with the App's JWT ({@code POST
 * <api-url>/app/installations/<id>/access_tokens}, the token URL passing the guard too) and cached until five
 * minutes before it expires; then {@code POST <callback>} with {@code {environment_name, state, comment}}.
 * I/O errors, timeouts, 5xx and 429 are worth another attempt, and so is a 401 on the review (the cached token is
 * dropped first: it may have been revoked); any other answer is final. Every outcome is counted
 * ({@value #REVIEWS}{@code {outcome}}).
 */
public final class GithubAppReviews implements GithubReviews, AutoCloseable {

    static final String API_VERSION = "2022-11-28";
    static final String ACCEPT = "application/vnd.github+json";
    static final String USER_AGENT = "Passerelle-integration-service";
    static final String REVIEWS = "passerelle.github.reviews";
    /** A cached installation token is used until this long before it expires (GitHub's last an hour). */
    static final Duration TOKEN_MARGIN = Duration.ofMinutes(5);
    /** How much of GitHub's answer is read (a token, or an error's message). */
    static final int MAX_ANSWER = 64 * 1024;
    /** GitHub calls at once: the review worker's concurrency bounds them first. */
    static final int CONNECTIONS = 16;

    private record Token(String value, Instant usableUntil) {
    }

    /** An attempt that ended before the review was answered. */
    private static final class Stopped extends Exception {

        private final transient CallOutcome outcome;

        Stopped(CallOutcome outcome) {
            super(null, null, false, false);
            this.outcome = outcome;
        }
    }

    private final @Nullable AppJwt jwt;
    private final ApiUrl api;
    private final OutboundGuard guard;
    private final PinnedHttpClient http;
    private final JsonMapper json;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<Long, Token> tokens = new ConcurrentHashMap<>();

    private GithubAppReviews(@Nullable AppJwt jwt, ApiUrl api, OutboundGuard guard, PinnedHttpClient http, JsonMapper json,
            Clock clock, MeterRegistry meters) {
        this.jwt = jwt;
        this.api = api;
        this.guard = guard;
        this.http = http;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * @param appId the App's id ({@code iss} of its JWT); null, with {@code privateKeyPem}, when no App is configured
     *        (every review then fails at once, saying so)
     * @param privateKeyPem the App's RSA private key, PKCS#1 or PKCS#8 PEM
     * @throws IllegalArgumentException for a key that cannot be read (at start-up, not at the first review)
     */
    public static GithubAppReviews overHttp(@Nullable String appId, @Nullable String privateKeyPem, ApiUrl api,
            OutboundGuard guard, JsonMapper json, Clock clock, MeterRegistry meters, ObservationRegistry observations,
            Duration connectTimeout, Duration readTimeout) {
        var jwt = appId == null || privateKeyPem == null ? null : new AppJwt(appId, PrivateKeys.rsa(privateKeyPem));
        return new GithubAppReviews(jwt, api, guard, new PinnedHttpClient("GitHub calls", connectTimeout, readTimeout, CONNECTIONS,
                observations), json,
                clock, meters);
    }

    @Override
    public CallOutcome review(ReviewClaim claim, BooleanSupplier start) {
        var outcome = attempt(claim, start);
        Counter.builder(REVIEWS).description("Reviews of protection rules sent to GitHub, by what they came to")
                .tag("outcome", outcome.tag()).register(meters).increment();
        return outcome;
    }

    private CallOutcome attempt(ReviewClaim claim, BooleanSupplier start) {
        if (jwt == null) {
            return new CallOutcome.NotCalled("no GitHub App is configured (passerelle.github.app.*): the review of"
                    + " gate " + claim.gateId() + " cannot be sent");
        }
        try {
            var callback = admitted(claim.callbackUrl());
            if (!start.getAsBoolean()) {
                return new CallOutcome.Withdrawn();
            }
            var token = token(jwt, claim.installationId());
            var body = new LinkedHashMap<String, String>();
            body.put("environment_name", claim.environmentName());
            body.put("state", claim.review().state().wire());
            body.put("comment", claim.review().comment());
            var headers = new HashMap<>(headers("Bearer " + token));
            headers.put("Content-Type", "application/json; charset=UTF-8");
            var answer = http.post(callback, headers, json.writeValueAsBytes(body), MAX_ANSWER);
            if (answer.status() >= 200 && answer.status() < 300) {
                return new CallOutcome.Accepted(answer.status());
            }
            if (answer.status() == 401) {
                tokens.remove(claim.installationId());
                return new CallOutcome.Unavailable("refused the installation token (HTTP 401" + message(answer)
                        + "); a new one is asked for at the next attempt");
            }
            return retryable(answer.status()) ? new CallOutcome.Unavailable("answered HTTP " + answer.status()
                    + message(answer)) : new CallOutcome.Refused("answered HTTP " + answer.status() + message(answer));
        } catch (Stopped stopped) {
            return stopped.outcome;
        } catch (IOException e) {
            return new CallOutcome.Unavailable("was unreachable (" + e.getMessage() + ")");
        } catch (RuntimeException e) {
            return new CallOutcome.Refused("could not be called: " + e.getMessage());
        }
    }

    /** The installation's token: cached, or exchanged for the App's JWT. */
    private String token(AppJwt jwt, long installationId) throws Stopped, IOException {
        var now = clock.instant();
        var cached = tokens.get(installationId);
        if (cached != null && now.isBefore(cached.usableUntil())) {
            return cached.value();
        }
        var url = admitted(api.accessTokens(installationId));
        PinnedHttpClient.Answer answer;
        try {
            answer = http.post(url, headers("Bearer " + jwt.issue(now)), new byte[0], MAX_ANSWER);
        } catch (IOException e) {
            throw new Stopped(new CallOutcome.Unavailable("was unreachable (" + e.getMessage() + ") when asked for"
                    + " an installation token"));
        }
        if (answer.status() != 201 && answer.status() != 200) {
            var what = "answered HTTP " + answer.status() + message(answer) + " when asked for a token of"
                    + " installation " + installationId;
            throw new Stopped(retryable(answer.status()) ? new CallOutcome.Unavailable(what)
                    : new CallOutcome.Refused(what));
        }
        var token = parse(answer, installationId);
        tokens.put(installationId, token);
        return token.value();
    }

    private Token parse(PinnedHttpClient.Answer answer, long installationId) throws Stopped {
        try {
            var node = json.readTree(answer.body());
            var token = node.get("token");
            if (token == null || !token.isString() || token.asString().isBlank()) {
                throw new Stopped(new CallOutcome.Refused("answered without a token when asked for a token of"
                        + " installation " + installationId));
            }
            var expires = node.get("expires_at");
            var usableUntil = expires == null || !expires.isString() ? clock.instant()
                    : OffsetDateTime.parse(expires.asString()).toInstant().minus(TOKEN_MARGIN);
            return new Token(token.asString(), usableUntil);
        } catch (JacksonException | DateTimeParseException e) {
            throw new Stopped(new CallOutcome.Refused("answered a token request with what is not a token ("
                    + e.getMessage() + ")"));
        }
    }

    private OutboundVerdict.Admitted admitted(String url) throws Stopped {
        var verdict = guard.check(url);
        return switch (verdict) {
            case OutboundVerdict.Admitted admitted -> admitted;
            case OutboundVerdict.Unresolved unresolved ->
                    throw new Stopped(new CallOutcome.Unavailable("could not be resolved (" + unresolved.reason() + ")"));
            case OutboundVerdict.Malformed malformed ->
                    throw new Stopped(new CallOutcome.NotCalled("GitHub URL " + url + " " + malformed.reason()));
            case OutboundVerdict.Forbidden forbidden -> throw new Stopped(new CallOutcome.NotCalled("GitHub URL " + url
                    + " refused by the outbound guard: " + forbidden.reason()));
        };
    }

    private static Map<String, String> headers(String authorization) {
        return Map.of("Authorization", authorization, "Accept", ACCEPT, "X-GitHub-Api-Version", API_VERSION,
                "User-Agent", USER_AGENT);
    }

    private static boolean retryable(int status) {
        return status >= 500 || status == 429;
    }

    /** GitHub's own words for a failure ({@code message}), when it gave some. */
    private String message(PinnedHttpClient.Answer answer) {
        try {
            var message = json.readTree(answer.body()).get("message");
            if (message != null && message.isString()) {
                var text = message.asString();
                return ": " + (text.length() > 200 ? text.substring(0, 200) + "…" : text);
            }
        } catch (JacksonException e) {
            // no JSON: nothing more to say
        }
        return "";
    }


    @Override
    public void close() throws IOException {
        http.close();
    }
}
