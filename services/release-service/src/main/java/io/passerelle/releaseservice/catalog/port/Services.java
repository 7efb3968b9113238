package io.passerelle.releaseservice.catalog.port;

import java.util.List;
import java.util.Optional;

import io.passerelle.releaseservice.catalog.Service;

/** The catalog's store. */
public interface Services {

    /**
     * Stores a new service and publishes the events it registered, in the caller's transaction.
     *
     * @throws io.passerelle.platform.domain.RuleViolationException when the name or repository is taken
     */
    void save(Service service);

    Optional<Service> byName(String name);

    /** The name of the service registered for {@code repository} (compared without case, as GitHub does). */
    Optional<String> nameOfRepository(String repository);

    /** The name of the service registered for GitLab project {@code project} (compared without case). */
    Optional<String> nameOfGitlabProject(String project);

    /** All services, by name. */
    List<Service> all();
}
