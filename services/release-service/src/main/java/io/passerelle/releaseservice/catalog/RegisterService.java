package io.passerelle.releaseservice.catalog;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.passerelle.platform.crypto.SecretSealer;
import io.passerelle.platform.domain.RuleViolationException;
import io.passerelle.platform.outbound.OutboundGuard;
import io.passerelle.platform.outbound.OutboundVerdict;
import io.passerelle.releaseservice.catalog.port.Services;
import org.jspecify.annotations.Nullable;

/**
 * Adds a service to the catalog; its webhook secret and its deploy targets' credentials are sealed before they are
 * stored or published (the store publishes {@link ServiceRegistered} with the secret; the credential travels with each
 * deployment, {@code deployment.requested.v1}). A deploy target is checked as its type requires ({@link DeployTarget}):
 * an unknown type, a missing or unknown setting, a missing credential are invalid (400), the message naming the field. Each deploy target URL must pass the outbound guard: a malformed one (user
 * information, an ambiguous numeric host, …) is refused as invalid (400), one aimed at an address Passerelle never
 * calls or at an internal one the operator has not allowed is refused by rule (422); a name that does not resolve
 * yet is accepted (integration-service checks it again at every call).
 */
public final class RegisterService {

    static final int MIN_SECRET_LENGTH = 16;
    static final int MAX_CREDENTIAL_LENGTH = 4096;

    private final Services services;
    private final SecretSealer sealer;
    private final OutboundGuard guard;
    private final Clock clock;

    public RegisterService(Services services, SecretSealer sealer, OutboundGuard guard, Clock clock) {
        this.services = services;
        this.sealer = sealer;
        this.guard = guard;
        this.clock = clock;
    }

    public Service register(NewService request) {
        if (request.webhookSecret().length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("webhook secret needs at least " + MIN_SECRET_LENGTH + " characters");
        }
        var environments = new ArrayList<Environment>();
        for (int i = 0; i < request.environments().size(); i++) {
            environments.add(environment("environments[" + i + "]", request.environments().get(i)));
        }
        var service = Service.register(request.name(), request.repository(), request.gitlabProject(),
                request.defaultBranch(),
                sealer.seal(request.webhookSecret()), environments, clock.instant().truncatedTo(ChronoUnit.MICROS));
        if (services.byName(service.name()).isPresent()) {
            throw RuleViolationException.conflict("service " + service.name() + " is already registered");
        }
        services.nameOfRepository(service.repository()).ifPresent(owner -> {
            throw RuleViolationException.conflict("repository " + service.repository()
                    + " is already registered as service " + owner);
        });
        var project = service.gitlabProject();
        if (project != null) {
            services.nameOfGitlabProject(project).ifPresent(owner -> {
                throw RuleViolationException.conflict("GitLab project " + project
                        + " is already registered as service " + owner);
            });
        }
        services.save(service);
        return service;
    }

    /** The deploy target URL passes the guard first; {@code path} names the environment as the request does. */
    private Environment environment(String path, NewEnvironment requested) {
        var field = path + ".deployTarget.url";
        var url = requested.targetUrl();
        switch (guard.check(url)) {
            case OutboundVerdict.Malformed malformed -> throw new IllegalArgumentException(field + ": " + url + " "
                    + malformed.reason());
            case OutboundVerdict.Forbidden forbidden -> throw RuleViolationException.unprocessable(field + ": " + url
                    + " is refused: " + forbidden.reason());
            case OutboundVerdict.Admitted admitted -> { }
            case OutboundVerdict.Unresolved unresolved -> { }
        }
        var credential = requested.targetCredential();
        if (credential != null && (credential.isBlank() || credential.length() > MAX_CREDENTIAL_LENGTH)) {
            throw new IllegalArgumentException(path + ".deployTarget.credential: 1 to " + MAX_CREDENTIAL_LENGTH
                    + " characters, not blank");
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + url + " is not an absolute http(s) URL with a host");
        }
        DeployTarget target;
        try {
            target = new DeployTarget(requested.targetType(), uri, requested.targetSettings(),
                    credential == null ? null : sealer.seal(credential));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ".deployTarget." + e.getMessage()); // names its field
        }
        return new Environment(requested.name(), requested.order(), requested.requiresApproval(), target,
                requested.requiredChecks(), promotion(path + ".promotion", requested),
                timeout(path + ".deploymentTimeout", requested.deploymentTimeout()),
                incidentRollback(path + ".incidentRollback.p1Within", requested));
    }

    /** An ISO-8601 duration ({@code PT30M}) for the P1 rule, if any; the policy checks its bounds. */
    private static IncidentRollbackPolicy incidentRollback(String field, NewEnvironment requested) {
        try {
            return new IncidentRollbackPolicy(requested.p1Within() == null ? null : Duration.parse(requested.p1Within()),
                    requested.automaticRollback());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": '" + requested.p1Within()
                    + "' is not an ISO-8601 duration such as PT30M");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage());
        }
    }

    /** An ISO-8601 duration ({@code PT30M}); the environment checks its bounds. */
    private static Duration timeout(String field, @Nullable String text) {
        if (text == null) {
            return Environment.DEFAULT_TIMEOUT;
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": '" + text + "' is not an ISO-8601 duration such as PT30M");
        }
    }

    private static Promotion promotion(String field, NewEnvironment requested) {
        if (requested.promotionMode() == null) {
            return Promotion.AUTOMATIC;
        }
        try {
            var mode = Promotion.Mode.valueOf(requested.promotionMode().toUpperCase(Locale.ROOT));
            var soak = requested.soak() == null ? null : Duration.parse(requested.soak());
            return new Promotion(mode, soak);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage());
        }
    }

    /**
     * What a release manager asks to register; the secret in clear, never stored so. {@code gitlabProject}: a GitLab
     * project whose pipelines make releases too (its webhook sends the same secret as {@code X-Gitlab-Token}).
     */
    public record NewService(String name, String repository, @Nullable String gitlabProject, String defaultBranch,
            String webhookSecret, List<NewEnvironment> environments) {

        /** Without a GitLab project. */
        public NewService(String name, String repository, String defaultBranch, String webhookSecret,
                List<NewEnvironment> environments) {
            this(name, repository, null, defaultBranch, webhookSecret, environments);
        }

        @Override
        public String toString() {
            return "NewService[name=" + name + ", repository=" + repository + ", environments=" + environments + "]";
        }
    }

    /**
     * An environment as requested: its deploy target, promotion and incident rollback policy still as the text the
     * release manager wrote (no promotion mode: automatic; no {@code p1Within}: no P1 rule); {@code targetCredential}
     * in clear, never stored or logged so.
     */
    public record NewEnvironment(String name, int order, boolean requiresApproval, String targetType,
            String targetUrl, Map<String, String> targetSettings, @Nullable String targetCredential,
            List<String> requiredChecks, @Nullable String promotionMode, @Nullable String soak,
            @Nullable String deploymentTimeout, @Nullable String p1Within, boolean automaticRollback) {

        /** Without an incident rollback policy. */
        public NewEnvironment(String name, int order, boolean requiresApproval, String targetType, String targetUrl,
                Map<String, String> targetSettings, @Nullable String targetCredential, List<String> requiredChecks,
                @Nullable String promotionMode, @Nullable String soak, @Nullable String deploymentTimeout) {
            this(name, order, requiresApproval, targetType, targetUrl, targetSettings, targetCredential,
                    requiredChecks, promotionMode, soak, deploymentTimeout, null, false);
        }

        public NewEnvironment(String name, int order, boolean requiresApproval, String targetType, String targetUrl) {
            this(name, order, requiresApproval, targetType, targetUrl, List.of());
        }

        /** A webhook environment reached automatically once {@code requiredChecks} are green, default timeout. */
        public NewEnvironment(String name, int order, boolean requiresApproval, String targetType, String targetUrl,
                List<String> requiredChecks) {
            this(name, order, requiresApproval, targetType, targetUrl, Map.of(), null, requiredChecks, null, null,
                    null);
        }

        /** A webhook environment reached automatically, its deployments timing out after {@code deploymentTimeout}. */
        public NewEnvironment(String name, int order, boolean requiresApproval, String targetType, String targetUrl,
                @Nullable String deploymentTimeout) {
            this(name, order, requiresApproval, targetType, targetUrl, Map.of(), null, List.of(), null, null,
                    deploymentTimeout);
        }

        @Override
        public String toString() {
            return "NewEnvironment[name=" + name + ", order=" + order + ", target=" + targetType + " " + targetUrl
                    + " " + targetSettings + (targetCredential == null ? "" : " (credential given)") + "]";
        }
    }
}
