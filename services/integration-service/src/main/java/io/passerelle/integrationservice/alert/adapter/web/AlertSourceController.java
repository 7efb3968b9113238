package io.passerelle.integrationservice.alert.adapter.web;

import io.passerelle.integrationservice.alert.ConfigureAlertSource;
import io.passerelle.integrationservice.api.AlertSourcesApi;
import io.passerelle.integrationservice.api.model.AlertSource;
import io.passerelle.integrationservice.api.model.AlertSourceSigning;
import io.passerelle.platform.security.Roles;
import io.passerelle.platform.web.ApiTime;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AlertSourceController implements AlertSourcesApi {

    private final ConfigureAlertSource configure;

    AlertSourceController(ConfigureAlertSource configure) {
        this.configure = configure;
    }

    @Override
    @PreAuthorize("hasRole('" + Roles.OPERATOR + "')")
    @Transactional
    public ResponseEntity<AlertSource> configureAlertSource(String source, AlertSourceSigning signing) {
        var caller = SecurityContextHolder.getContext().getAuthentication();
        var set = configure.signing(source, signing.getSecret(), signing.getSignatureHeader(),
                signing.getTimestampHeader(), caller == null ? "unknown" : caller.getName());
        return ResponseEntity.ok(new AlertSource(set.source().wireName(), set.signatureHeader(), true,
                ApiTime.utc(set.updatedAt()), set.updatedBy()).timestampHeader(set.timestampHeader()));
    }
}
