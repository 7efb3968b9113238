package io.passerelle.releaseservice.catalog.adapter.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.passerelle.platform.domain.NotFoundException;
import io.passerelle.platform.security.Roles;
import io.passerelle.platform.web.ApiTime;
import io.passerelle.releaseservice.api.ServicesApi;
import io.passerelle.releaseservice.api.model.DeployTargetSpec;
import io.passerelle.releaseservice.api.model.EnvironmentSpec;
import io.passerelle.releaseservice.api.model.IncidentRollbackSpec;
import io.passerelle.releaseservice.api.model.PromotionSpec;
import io.passerelle.releaseservice.api.model.RegisteredService;
import io.passerelle.releaseservice.api.model.ServiceRegistration;
import io.passerelle.releaseservice.catalog.DeployTarget;
import io.passerelle.releaseservice.catalog.Environment;
import io.passerelle.releaseservice.catalog.RegisterService;
import io.passerelle.releaseservice.catalog.RegisterService.NewEnvironment;
import io.passerelle.releaseservice.catalog.RegisterService.NewService;
import io.passerelle.releaseservice.catalog.Service;
import io.passerelle.releaseservice.catalog.port.Services;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

/** The catalog over HTTP. Responses never carry the webhook secret nor a deploy target's credential, sealed or not. */
@RestController
class ServicesController implements ServicesApi {

    static final String READERS = "hasAnyRole('" + Roles.RELEASE_MANAGER + "','" + Roles.CHANGE_MANAGER + "','"
            + Roles.SERVICE_DESK + "','" + Roles.PIPELINE + "')";

    private final RegisterService registerService;
    private final Services services;

    ServicesController(RegisterService registerService, Services services) {
        this.registerService = registerService;
        this.services = services;
    }

    @Override
    @PreAuthorize("hasRole('" + Roles.RELEASE_MANAGER + "')")
    @Transactional
    public ResponseEntity<RegisteredService> registerService(ServiceRegistration body) {
        var service = registerService.register(new NewService(body.getName(), body.getRepository(),
                body.getGitlabProject(), body.getDefaultBranch(), body.getWebhookSecret(),
                body.getEnvironments().stream().map(ServicesController::environment).toList()));
        // a path, not an absolute URL: the service cannot know the public address the client used (the gateway's)
        var location = URI.create(ServicesApi.PATH_GET_SERVICE.replace("{name}", service.name()));
        return ResponseEntity.created(location).body(view(service));
    }

    @Override
    @PreAuthorize(READERS)
    public ResponseEntity<RegisteredService> getService(String name) {
        return ResponseEntity.ok(view(services.byName(name).orElseThrow(() -> new NotFoundException("service", name))));
    }

    @Override
    @PreAuthorize(READERS)
    public ResponseEntity<List<RegisteredService>> listServices() {
        return ResponseEntity.ok(services.all().stream().map(ServicesController::view).toList());
    }

    private static NewEnvironment environment(EnvironmentSpec spec) {
        var target = spec.getDeployTarget();
        var promotion = spec.getPromotion();
        var incidentRollback = spec.getIncidentRollback();
        return new NewEnvironment(spec.getName(), spec.getOrder(), spec.getRequiresApproval(),
                target.getType().getValue(), target.getUrl(),
                target.getSettings() == null ? Map.of() : target.getSettings(), target.getCredential(),
                requiredChecks(spec),
                promotion == null ? null : promotion.getMode().getValue(),
                promotion == null ? null : promotion.getSoak(), spec.getDeploymentTimeout(),
                incidentRollback == null ? null : incidentRollback.getP1Within(),
                incidentRollback != null && Boolean.TRUE.equals(incidentRollback.getAutomatic()));
    }

    /** JSON may say null where the contract has a list or a name: refused as a bad request, not a server error. */
    private static List<String> requiredChecks(EnvironmentSpec spec) {
        var checks = spec.getRequiredChecks();
        if (checks == null) {
            return List.of();
        }
        if (checks.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("environments[].requiredChecks must not contain null");
        }
        return checks;
    }

    private static RegisteredService view(Service service) {
        return new RegisteredService(service.name(), service.repository(), service.defaultBranch(), true,
                service.environments().stream().map(ServicesController::view).toList(),
                ApiTime.utc(service.registeredAt())).gitlabProject(service.gitlabProject());
    }

    private static EnvironmentSpec view(Environment environment) {
        var promotion = environment.promotion();
        var rollback = environment.incidentRollback();
        return new EnvironmentSpec(environment.name(), environment.order(), environment.requiresApproval(),
                view(environment.target())).requiredChecks(environment.requiredChecks())
                .promotion(new PromotionSpec(PromotionSpec.ModeEnum.fromValue(
                        promotion.mode().name().toLowerCase(Locale.ROOT)))
                        .soak(promotion.soak() == null ? null : promotion.soak().toString()))
                .deploymentTimeout(environment.deploymentTimeout().toString())
                .incidentRollback(new IncidentRollbackSpec()
                        .p1Within(rollback.p1Within() == null ? null : rollback.p1Within().toString())
                        .automatic(rollback.automatic()));
    }

    /** Never the credential, sealed or not: whether there is one. */
    private static DeployTargetSpec view(DeployTarget target) {
        return new DeployTargetSpec(DeployTargetSpec.TypeEnum.fromValue(target.type()), target.url().toString())
                .settings(target.settings()).credentialConfigured(target.credentialSealed() != null);
    }
}
