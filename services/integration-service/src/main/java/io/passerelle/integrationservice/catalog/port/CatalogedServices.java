package io.passerelle.integrationservice.catalog.port;

import java.util.Optional;

import io.passerelle.integrationservice.catalog.CatalogedService;
import io.passerelle.integrationservice.catalog.RepositoryAlreadyCatalogedException;

/** The catalog projection (port). Repositories match case-insensitively, as on GitHub. */
public interface CatalogedServices {

    /**
     * Adds the service or replaces what is known of it, unless what is stored was registered later.
     *
     * @throws RepositoryAlreadyCatalogedException when another service already holds the repository
     */
    void register(CatalogedService service);

    Optional<CatalogedService> byName(String name);

    Optional<CatalogedService> byRepository(String repository);

    /**
     * The service that names GitLab project {@code project} (its full path, compared without case); none by default,
     * for the stores (test doubles) that hold GitHub repositories only.
     */
    default Optional<CatalogedService> byGitlabProject(String project) {
        return Optional.empty();
    }
}
