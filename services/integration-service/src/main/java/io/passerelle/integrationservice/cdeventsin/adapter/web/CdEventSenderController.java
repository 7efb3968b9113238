package io.passerelle.integrationservice.cdeventsin.adapter.web;

import java.util.List;

import io.passerelle.integrationservice.api.CdeventSendersApi;
import io.passerelle.integrationservice.api.model.CdEventSender;
import io.passerelle.integrationservice.api.model.CdEventSenderToken;
import io.passerelle.integrationservice.cdeventsin.RegisterSenders;
import io.passerelle.integrationservice.cdeventsin.Sender;
import io.passerelle.platform.security.Roles;
import io.passerelle.platform.web.ApiTime;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

/** The CDEvents senders, for operators; a token is written, never read back. */
@RestController
class CdEventSenderController implements CdeventSendersApi {

    private final RegisterSenders senders;

    CdEventSenderController(RegisterSenders senders) {
        this.senders = senders;
    }

    @Override
    @PreAuthorize("hasRole('" + Roles.OPERATOR + "')")
    @Transactional(readOnly = true)
    public ResponseEntity<List<CdEventSender>> listCdEventSenders() {
        return ResponseEntity.ok(senders.all().stream().map(CdEventSenderController::view).toList());
    }

    @Override
    @PreAuthorize("hasRole('" + Roles.OPERATOR + "')")
    @Transactional
    public ResponseEntity<CdEventSender> registerCdEventSender(String name, CdEventSenderToken token) {
        var caller = SecurityContextHolder.getContext().getAuthentication();
        return ResponseEntity.ok(view(senders.register(name, token.getToken(),
                caller == null ? "unknown" : caller.getName())));
    }

    @Override
    @PreAuthorize("hasRole('" + Roles.OPERATOR + "')")
    @Transactional
    public ResponseEntity<Void> removeCdEventSender(String name) {
        senders.remove(name);
        return ResponseEntity.noContent().build();
    }

    private static CdEventSender view(Sender sender) {
        return new CdEventSender(sender.name(), true, ApiTime.utc(sender.updatedAt()), sender.updatedBy());
    }
}
