package io.passerelle.releaseservice.catalog.adapter.persistence;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.passerelle.platform.domain.RuleViolationException;
import io.passerelle.platform.event.EventPublisher;
import io.passerelle.platform.persistence.SqlTime;
import io.passerelle.releaseservice.catalog.DeployTarget;
import io.passerelle.releaseservice.catalog.Environment;
import io.passerelle.releaseservice.catalog.IncidentRollbackPolicy;
import io.passerelle.releaseservice.catalog.Promotion;
import io.passerelle.releaseservice.catalog.Service;
import io.passerelle.releaseservice.catalog.port.Services;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JdbcServices implements Services {

    private static final TypeReference<Map<String, String>> SETTINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final EventPublisher events;
    private final JsonMapper json;

    JdbcServices(JdbcClient jdbc, EventPublisher events, JsonMapper json) {
        this.jdbc = jdbc;
        this.events = events;
        this.json = json;
    }

    @Override
    public void save(Service service) {
        try {
            jdbc.sql("""
                    insert into service (name, repository, gitlab_project, default_branch, webhook_secret_sealed,
                        registered_at)
                    values (:name, :repository, :gitlabProject, :defaultBranch, :sealed, :registeredAt)""")
                    .param("name", service.name())
                    .param("repository", service.repository())
                    .param("gitlabProject", service.gitlabProject())
                    .param("defaultBranch", service.defaultBranch())
                    .param("sealed", service.webhookSecretSealed())
                    .param("registeredAt", SqlTime.of(service.registeredAt()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw RuleViolationException.conflict("service " + service.name() + " or repository "
                    + service.repository() + " is already registered");
        }
        for (var environment : service.environments()) {
            jdbc.sql("""
                    insert into environment (service, name, promotion_order, requires_approval, target_type, target_url,
                        target_settings, target_credential_sealed, required_checks, promotion, soak_seconds,
                        deployment_timeout_seconds, rollback_p1_within_seconds, rollback_automatic)
                    values (:service, :name, :order, :requiresApproval, :targetType, :targetUrl,
                        cast(:targetSettings as jsonb), :targetCredential, :requiredChecks, :promotion, :soakSeconds,
                        :timeout, :p1Within, :automaticRollback)""")
                    .param("service", service.name())
                    .param("name", environment.name())
                    .param("order", environment.order())
                    .param("requiresApproval", environment.requiresApproval())
                    .param("targetType", environment.target().type())
                    .param("targetUrl", environment.target().url().toString())
                    .param("targetSettings", json.writeValueAsString(environment.target().settings()))
                    .param("targetCredential", environment.target().credentialSealed())
                    .param("requiredChecks", environment.requiredChecks().toArray(String[]::new))
                    .param("promotion", environment.promotion().mode().name())
                    .param("soakSeconds", environment.promotion().soak() == null ? null
                            : Math.toIntExact(environment.promotion().soak().toSeconds()))
                    .param("timeout", environment.deploymentTimeout().toSeconds())
                    .param("p1Within", environment.incidentRollback().p1Within() == null ? null
                            : Math.toIntExact(environment.incidentRollback().p1Within().toSeconds()))
                    .param("automaticRollback", environment.incidentRollback().automatic())
                    .update();
        }
        events.publish(service.pullEvents());
    }

    @Override
    public Optional<Service> byName(String name) {
        return jdbc.sql("select * from service where name = :name").param("name", name)
                .query((rs, i) -> service(rs, environments(name))).optional();
    }

    @Override
    public Optional<String> nameOfGitlabProject(String project) {
        return jdbc.sql("select name from service where lower(gitlab_project) = lower(:project)")
                .param("project", project).query(String.class).optional();
    }

    @Override
    public Optional<String> nameOfRepository(String repository) {
        return jdbc.sql("select name from service where lower(repository) = lower(:repository)")
                .param("repository", repository).query(String.class).optional();
    }

    @Override
    public List<Service> all() {
        Map<String, List<Environment>> environments = jdbc.sql("select * from environment")
                .query((rs, i) -> Map.entry(rs.getString("service"), environment(rs))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return jdbc.sql("select * from service order by name")
                .query((rs, i) -> service(rs, environments.getOrDefault(rs.getString("name"), List.of()))).list();
    }

    private List<Environment> environments(String service) {
        return jdbc.sql("select * from environment where service = :service order by promotion_order")
                .param("service", service).query((rs, i) -> environment(rs)).list();
    }

    private static Service service(ResultSet rs, List<Environment> environments) throws SQLException {
        return Service.restore(rs.getString("name"), rs.getString("repository"), rs.getString("gitlab_project"),
                rs.getString("default_branch"),
                rs.getString("webhook_secret_sealed"), environments,
                SqlTime.instant(rs, "registered_at"));
    }

    private Environment environment(ResultSet rs) throws SQLException {
        var soakSeconds = rs.getObject("soak_seconds", Integer.class);
        var p1Within = rs.getObject("rollback_p1_within_seconds", Integer.class);
        return new Environment(rs.getString("name"), rs.getInt("promotion_order"), rs.getBoolean("requires_approval"),
                new DeployTarget(rs.getString("target_type"), URI.create(rs.getString("target_url")),
                        json.readValue(rs.getString("target_settings"), SETTINGS),
                        rs.getString("target_credential_sealed")),
                List.of((String[]) rs.getArray("required_checks").getArray()),
                new Promotion(Promotion.Mode.valueOf(rs.getString("promotion")),
                        soakSeconds == null ? null : Duration.ofSeconds(soakSeconds)),
                Duration.ofSeconds(rs.getLong("deployment_timeout_seconds")),
                new IncidentRollbackPolicy(p1Within == null ? null : Duration.ofSeconds(p1Within),
                        rs.getBoolean("rollback_automatic")));
    }
}
