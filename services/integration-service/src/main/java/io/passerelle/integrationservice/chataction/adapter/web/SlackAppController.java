package io.passerelle.integrationservice.chataction.adapter.web;

import io.passerelle.integrationservice.api.ChatAppsApi;
import io.passerelle.integrationservice.api.model.SlackApp;
import io.passerelle.integrationservice.api.model.SlackAppSettings;
import io.passerelle.integrationservice.chataction.ConfigureSlackApp;
import io.passerelle.platform.security.Roles;
import io.passerelle.platform.web.ApiTime;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SlackAppController implements ChatAppsApi {

    private final ConfigureSlackApp configure;

    SlackAppController(ConfigureSlackApp configure) {
        this.configure = configure;
    }

    @Override
    @PreAuthorize("hasRole('" + Roles.OPERATOR + "')")
    @Transactional
    public ResponseEntity<SlackApp> configureSlackApp(SlackAppSettings settings) {
        var by = SecurityContextHolder.getContext().getAuthentication().getName();
        var at = configure.signingSecret(settings.getSigningSecret(), by);
        return ResponseEntity.ok(new SlackApp(true, ApiTime.utc(at), by));
    }
}
