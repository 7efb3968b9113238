package io.passerelle.changeservice.change.adapter.web;

import io.passerelle.changeservice.api.RiskApi;
import io.passerelle.changeservice.api.model.RiskAssessment;
import io.passerelle.changeservice.catalog.port.Environments;
import io.passerelle.changeservice.risk.RiskAssessor;
import io.passerelle.platform.domain.NotFoundException;
import io.passerelle.platform.security.Roles;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

/** The live risk a change to a service in an environment would have now, for pipelines and the console. */
@RestController
class RiskController implements RiskApi {

    private final RiskAssessor assessor;
    private final Environments environments;

    RiskController(RiskAssessor assessor, Environments environments) {
        this.assessor = assessor;
        this.environments = environments;
    }

    @Override
    @PreAuthorize("hasAnyRole('" + Roles.CHANGE_MANAGER + "', '" + Roles.CAB_MEMBER + "', '" + Roles.RELEASE_MANAGER
            + "', '" + Roles.PIPELINE + "')")
    @Transactional(readOnly = true)
    public ResponseEntity<RiskAssessment> assessRisk(String service, String environment) {
        if (environments.find(service, environment).isEmpty()) {
            throw new NotFoundException("Environment", environment + " of service " + service);
        }
        return ResponseEntity.ok(Representations.assessment(assessor.assess(service, environment)));
    }
}
