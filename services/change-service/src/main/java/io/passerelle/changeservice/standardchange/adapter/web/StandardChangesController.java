package io.passerelle.changeservice.standardchange.adapter.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.passerelle.changeservice.api.StandardChangesApi;
import io.passerelle.changeservice.api.model.StandardChange;
import io.passerelle.changeservice.api.model.StandardChangeDefinition;
import io.passerelle.changeservice.standardchange.DefineStandardChange;
import io.passerelle.changeservice.standardchange.RetireStandardChange;
import io.passerelle.changeservice.standardchange.port.StandardChangeTemplates;
import io.passerelle.platform.domain.NotFoundException;
import io.passerelle.platform.security.Roles;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

/**
 * Standard-change templates: change managers define, redefine and retire them; change managers, CAB members,
 * release managers and pipelines read them. Each command runs in one transaction with the events it emits (outbox).
 */
@RestController
class StandardChangesController implements StandardChangesApi {

    private static final String MANAGERS = "hasRole('" + Roles.CHANGE_MANAGER + "')";
    private static final String READERS = "hasAnyRole('" + Roles.CHANGE_MANAGER + "', '" + Roles.CAB_MEMBER + "', '"
            + Roles.RELEASE_MANAGER + "', '" + Roles.PIPELINE + "')";

    private final DefineStandardChange define;
    private final RetireStandardChange retire;
    private final StandardChangeTemplates templates;

    StandardChangesController(DefineStandardChange define, RetireStandardChange retire,
            StandardChangeTemplates templates) {
        this.define = define;
        this.retire = retire;
        this.templates = templates;
    }

    @Override
    @PreAuthorize(MANAGERS)
    @Transactional
    public ResponseEntity<StandardChange> defineStandardChange(StandardChangeDefinition body) {
        var template = define.define(Representations.toDomain(body), caller());
        return ResponseEntity.created(URI.create(StandardChangesApi.PATH_GET_STANDARD_CHANGE
                        .replace("{id}", template.id().toString())))
                .body(Representations.template(template));
    }

    @Override
    @PreAuthorize(MANAGERS)
    @Transactional
    public ResponseEntity<StandardChange> redefineStandardChange(UUID id, StandardChangeDefinition body) {
        return ResponseEntity.ok(Representations.template(define.redefine(id, Representations.toDomain(body), caller())));
    }

    @Override
    @PreAuthorize(MANAGERS)
    @Transactional
    public ResponseEntity<StandardChange> retireStandardChange(UUID id) {
        return ResponseEntity.ok(Representations.template(retire.retire(id, caller())));
    }

    @Override
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public ResponseEntity<List<StandardChange>> listStandardChanges() {
        return ResponseEntity.ok(templates.all().stream().map(Representations::template).toList());
    }

    @Override
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public ResponseEntity<StandardChange> getStandardChange(UUID id) {
        return ResponseEntity.ok(templates.find(id).map(Representations::template)
                .orElseThrow(() -> new NotFoundException("Standard-change template", id)));
    }

    private static String caller() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }
}
