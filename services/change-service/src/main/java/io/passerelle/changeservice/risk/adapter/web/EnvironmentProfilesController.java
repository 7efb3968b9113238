package io.passerelle.changeservice.risk.adapter.web;

import java.util.List;

import io.passerelle.changeservice.api.EnvironmentProfilesApi;
import io.passerelle.changeservice.api.model.EnvironmentProfile;
import io.passerelle.changeservice.api.model.EnvironmentProfileDefinition;
import io.passerelle.changeservice.risk.DefineEnvironmentProfile;
import io.passerelle.changeservice.risk.port.EnvironmentProfiles;
import io.passerelle.platform.security.Roles;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

/** Environment profiles: change managers declare them; change managers, CAB members and release managers read them. */
@RestController
class EnvironmentProfilesController implements EnvironmentProfilesApi {

    private final DefineEnvironmentProfile defineProfile;
    private final EnvironmentProfiles profiles;

    EnvironmentProfilesController(DefineEnvironmentProfile defineProfile, EnvironmentProfiles profiles) {
        this.defineProfile = defineProfile;
        this.profiles = profiles;
    }

    @Override
    @PreAuthorize("hasAnyRole('" + Roles.CHANGE_MANAGER + "', '" + Roles.CAB_MEMBER + "', '" + Roles.RELEASE_MANAGER
            + "')")
    @Transactional(readOnly = true)
    public ResponseEntity<List<EnvironmentProfile>> listEnvironmentProfiles() {
        return ResponseEntity.ok(profiles.all().stream().map(Representations::profile).toList());
    }

    @Override
    @PreAuthorize("hasRole('" + Roles.CHANGE_MANAGER + "')")
    @Transactional
    public ResponseEntity<EnvironmentProfile> defineEnvironmentProfile(String environment,
            EnvironmentProfileDefinition body) {
        var profile = defineProfile.define(environment, Representations.toDomain(body.getCriticality()),
                Representations.toDomain(body.getBusinessHours()),
                SecurityContextHolder.getContext().getAuthentication().getName());
        return ResponseEntity.ok(Representations.profile(profile));
    }
}
