package io.passerelle.changeservice.freezewindow.adapter.web;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.passerelle.changeservice.api.FreezeWindowsApi;
import io.passerelle.changeservice.api.model.FreezeWindow;
import io.passerelle.changeservice.api.model.NewFreezeWindow;
import io.passerelle.changeservice.freezewindow.DeclareFreezeWindow;
import io.passerelle.changeservice.freezewindow.EndFreezeWindow;
import io.passerelle.changeservice.freezewindow.FreezeSchedule;
import io.passerelle.changeservice.freezewindow.port.FreezeWindows;
import io.passerelle.platform.domain.NotFoundException;
import io.passerelle.platform.security.Roles;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

/** Freeze windows: change managers declare and end them, everyone who deploys reads them. */
@RestController
class FreezeWindowsController implements FreezeWindowsApi {

    private static final String READERS = "hasAnyRole('" + Roles.CHANGE_MANAGER + "', '" + Roles.CAB_MEMBER + "', '"
            + Roles.EMERGENCY_APPROVER + "', '" + Roles.RELEASE_MANAGER + "', '" + Roles.SERVICE_DESK + "', '"
            + Roles.PIPELINE + "')";

    private final DeclareFreezeWindow declare;
    private final EndFreezeWindow end;
    private final FreezeWindows windows;
    private final Clock clock;

    FreezeWindowsController(DeclareFreezeWindow declare, EndFreezeWindow end, FreezeWindows windows, Clock clock) {
        this.declare = declare;
        this.end = end;
        this.windows = windows;
        this.clock = clock;
    }

    @Override
    @PreAuthorize("hasRole('" + Roles.CHANGE_MANAGER + "')")
    @Transactional
    public ResponseEntity<FreezeWindow> declareFreezeWindow(NewFreezeWindow body) {
        var schedule = FreezeSchedule.between(body.getStart().toInstant(), body.getEnd().toInstant(),
                body.getTimeZone(), body.getRecurrence());
        var window = declare.declare(body.getName(), body.getReason(), schedule,
                Representations.toDomain(body.getScope()), caller());
        return ResponseEntity.created(URI.create(PATH_GET_FREEZE_WINDOW.replace("{id}", window.id().toString())))
                .body(Representations.window(window, clock.instant()));
    }

    @Override
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public ResponseEntity<List<FreezeWindow>> listFreezeWindows(@Nullable Boolean active) {
        var now = clock.instant();
        return ResponseEntity.ok(windows.all().stream()
                .filter(w -> active == null || w.isActiveAt(now) == active)
                .map(w -> Representations.window(w, now)).toList());
    }

    @Override
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public ResponseEntity<FreezeWindow> getFreezeWindow(UUID id) {
        return ResponseEntity.ok(windows.find(id).map(w -> Representations.window(w, clock.instant()))
                .orElseThrow(() -> new NotFoundException("Freeze window", id)));
    }

    @Override
    @PreAuthorize("hasRole('" + Roles.CHANGE_MANAGER + "')")
    @Transactional
    public ResponseEntity<FreezeWindow> endFreezeWindow(UUID id) {
        return ResponseEntity.ok(Representations.window(end.end(id, caller()), clock.instant()));
    }

    /** The authenticated user's name (the token's preferred_username). */
    private static String caller() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }
}
