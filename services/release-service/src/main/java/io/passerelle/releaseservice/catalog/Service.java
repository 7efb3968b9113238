package io.passerelle.releaseservice.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A service in the catalog: the repository whose green pipelines make its releases, the sealed secret of that
 * repository's webhooks, and its environments in promotion order (unique names, unique positive orders). A service
 * may also name a GitLab project ({@code group/project}, subgroups allowed) whose pipelines make its releases too,
 * authenticated by the same sealed secret ({@code X-Gitlab-Token}).
 */
public final class Service {

    /** Names of services and environments: lower case, digits and dashes, as in the event contracts. */
    public static final Pattern NAME = Pattern.compile("^[a-z0-9][a-z0-9-]{0,62}$");
    static final Pattern REPOSITORY = Pattern.compile("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$");
    /** A GitLab project's full path: a group, optional subgroups, the project. */
    static final Pattern GITLAB_PROJECT = Pattern.compile("^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)+$");

    private final String name;
    private final String repository;
    private final String defaultBranch;
    private final String webhookSecretSealed;
    private final @Nullable String gitlabProject;
    private final List<Environment> environments;
    private final Instant registeredAt;
    private final List<ServiceRegistered> events = new ArrayList<>();

    private Service(String name, String repository, @Nullable String gitlabProject, String defaultBranch,
            String webhookSecretSealed, List<Environment> environments, Instant registeredAt) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("service name '" + name + "' must match " + NAME);
        }
        if (!REPOSITORY.matcher(repository).matches()) {
            throw new IllegalArgumentException("repository '" + repository + "' must be owner/repo");
        }
        if (gitlabProject != null && (gitlabProject.length() > 255 || !GITLAB_PROJECT.matcher(gitlabProject).matches())) {
            throw new IllegalArgumentException("gitlabProject '" + gitlabProject + "' must be group/project");
        }
        if (defaultBranch.isBlank()) {
            throw new IllegalArgumentException("default branch must not be blank");
        }
        if (environments.isEmpty()) {
            throw new IllegalArgumentException("a service needs at least one environment");
        }
        var names = new HashSet<String>();
        var orders = new HashSet<Integer>();
        for (var environment : environments) {
            if (!names.add(environment.name())) {
                throw new IllegalArgumentException("environment name '" + environment.name() + "' is used twice");
            }
            if (!orders.add(environment.order())) {
                throw new IllegalArgumentException("environment order " + environment.order() + " is used twice");
            }
        }
        this.name = name;
        this.repository = repository;
        this.gitlabProject = gitlabProject;
        this.defaultBranch = defaultBranch;
        this.webhookSecretSealed = webhookSecretSealed;
        this.environments = environments.stream().sorted(Comparator.comparingInt(Environment::order)).toList();
        var first = this.environments.getFirst();
        if (first.promotion().mode() != Promotion.Mode.AUTOMATIC) {
            throw new IllegalArgumentException("environment " + first.name() + " comes first: every release reaches it"
                    + " automatically, so its promotion cannot be " + first.promotion().mode().name().toLowerCase());
        }
        this.registeredAt = registeredAt;
    }

    /** A new service; registers {@link ServiceRegistered}. */
    public static Service register(String name, String repository, String defaultBranch, String webhookSecretSealed,
            List<Environment> environments, Instant at) {
        return register(name, repository, null, defaultBranch, webhookSecretSealed, environments, at);
    }

    /** A new service that also names a GitLab project; registers {@link ServiceRegistered}. */
    public static Service register(String name, String repository, @Nullable String gitlabProject,
            String defaultBranch, String webhookSecretSealed, List<Environment> environments, Instant at) {
        var service = new Service(name, repository, gitlabProject, defaultBranch, webhookSecretSealed, environments,
                at);
        service.events.add(ServiceRegistered.of(service));
        return service;
    }

    /** A service as stored. */
    public static Service restore(String name, String repository, String defaultBranch, String webhookSecretSealed,
            List<Environment> environments, Instant registeredAt) {
        return restore(name, repository, null, defaultBranch, webhookSecretSealed, environments, registeredAt);
    }

    /** A service as stored, with its GitLab project if it has one. */
    public static Service restore(String name, String repository, @Nullable String gitlabProject,
            String defaultBranch, String webhookSecretSealed, List<Environment> environments, Instant registeredAt) {
        return new Service(name, repository, gitlabProject, defaultBranch, webhookSecretSealed, environments,
                registeredAt);
    }

    /** Where a new release goes first: the environment with the lowest order. */
    public Environment firstEnvironment() {
        return environments.getFirst();
    }

    /** The environment a release must have succeeded in before {@code environment}: the next lower order, if any. */
    public Optional<Environment> environmentBefore(String environment) {
        var current = environment(environment)
                .orElseThrow(() -> new IllegalArgumentException(name + " has no environment " + environment));
        return environments.reversed().stream().filter(e -> e.order() < current.order()).findFirst();
    }

    /** Where a release goes after succeeding in {@code environment}: the next higher order, if any. */
    public Optional<Environment> environmentAfter(String environment) {
        var current = environment(environment)
                .orElseThrow(() -> new IllegalArgumentException(name + " has no environment " + environment));
        return environments.stream().filter(e -> e.order() > current.order()).findFirst();
    }

    public Optional<Environment> environment(String environment) {
        return environments.stream().filter(e -> e.name().equals(environment)).findFirst();
    }

    public List<ServiceRegistered> pullEvents() {
        var pulled = List.copyOf(events);
        events.clear();
        return pulled;
    }

    public String name() {
        return name;
    }

    public String repository() {
        return repository;
    }

    /** The GitLab project ({@code group/project}) whose pipelines make releases too, if any. */
    public @Nullable String gitlabProject() {
        return gitlabProject;
    }

    public String defaultBranch() {
        return defaultBranch;
    }

    public String webhookSecretSealed() {
        return webhookSecretSealed;
    }

    /** In promotion order. */
    public List<Environment> environments() {
        return environments;
    }

    public Instant registeredAt() {
        return registeredAt;
    }
}
