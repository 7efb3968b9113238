package io.passerelle.integrationservice.catalog.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import io.passerelle.integrationservice.catalog.CatalogedService;
import io.passerelle.integrationservice.catalog.RepositoryAlreadyCatalogedException;
import io.passerelle.integrationservice.catalog.port.CatalogedServices;
import io.passerelle.platform.persistence.SqlTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcCatalogedServices implements CatalogedServices {

    private final JdbcClient jdbc;

    JdbcCatalogedServices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void register(CatalogedService service) {
        try {
            jdbc.sql("""
                    insert into cataloged_service (service, repository, default_branch, webhook_secret_sealed, registered_at,
                        environments, gitlab_project)
                    values (:service, :repository, :branch, :secret, :at, :environments, :gitlabProject)
                    on conflict (service) do update set repository = excluded.repository,
                        gitlab_project = excluded.gitlab_project,
                        default_branch = excluded.default_branch, webhook_secret_sealed = excluded.webhook_secret_sealed,
                        registered_at = excluded.registered_at, environments = excluded.environments
                    where cataloged_service.registered_at <= excluded.registered_at""")
                    .param("service", service.name())
                    .param("repository", service.repository())
                    .param("branch", service.defaultBranch())
                    .param("secret", service.webhookSecretSealed())
                    .param("at", SqlTime.of(service.registeredAt()))
                    .param("environments", service.environments().toArray(String[]::new))
                    .param("gitlabProject", service.gitlabProject())
                    .update();
        } catch (DuplicateKeyException e) {
            throw new RepositoryAlreadyCatalogedException(service.repository(), service.name(), e);
        }
    }

    @Override
    public Optional<CatalogedService> byName(String name) {
        return jdbc.sql("select * from cataloged_service where service = :name")
                .param("name", name)
                .query(JdbcCatalogedServices::map)
                .optional();
    }

    @Override
    public Optional<CatalogedService> byRepository(String repository) {
        return jdbc.sql("select * from cataloged_service where lower(repository) = lower(:repository)")
                .param("repository", repository)
                .query(JdbcCatalogedServices::map)
                .optional();
    }

    @Override
    public Optional<CatalogedService> byGitlabProject(String project) {
        return jdbc.sql("select * from cataloged_service where lower(gitlab_project) = lower(:project)")
                .param("project", project)
                .query(JdbcCatalogedServices::map)
                .optional();
    }

    private static CatalogedService map(ResultSet rs, int row) throws SQLException {
        return new CatalogedService(rs.getString("service"), rs.getString("repository"),
                rs.getString("default_branch"), rs.getString("webhook_secret_sealed"),
                SqlTime.instant(rs, "registered_at"), List.of((String[]) rs.getArray("environments").getArray()),
                rs.getString("gitlab_project"));
    }
}
