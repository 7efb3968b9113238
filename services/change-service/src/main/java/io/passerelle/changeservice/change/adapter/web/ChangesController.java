package io.passerelle.changeservice.change.adapter.web;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.passerelle.changeservice.api.ChangesApi;
import io.passerelle.changeservice.api.model.Approval;
import io.passerelle.changeservice.api.model.Cancellation;
import io.passerelle.changeservice.api.model.Change;
import io.passerelle.changeservice.api.model.ChangeDetail;
import io.passerelle.changeservice.api.model.ChangeState;
import io.passerelle.changeservice.api.model.Completion;
import io.passerelle.changeservice.api.model.Implementation;
import io.passerelle.changeservice.api.model.NewChange;
import io.passerelle.changeservice.api.model.PostImplementationReview;
import io.passerelle.changeservice.api.model.Rejection;
import io.passerelle.changeservice.change.ApproveChange;
import io.passerelle.changeservice.change.Approver;
import io.passerelle.changeservice.change.ChangeOutcome;
import io.passerelle.changeservice.change.ProgressChange;
import io.passerelle.changeservice.change.RaiseChange;
import io.passerelle.changeservice.change.RejectChange;
import io.passerelle.changeservice.change.port.Changes;
import io.passerelle.platform.domain.NotFoundException;
import io.passerelle.platform.security.Roles;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

/** The change endpoints; each command runs in one transaction with the events it emits (outbox). */
@RestController
class ChangesController implements ChangesApi {

    private static final String RAISERS = "hasAnyRole('" + Roles.CHANGE_MANAGER + "', '" + Roles.RELEASE_MANAGER + "')";
    /** Who may decide at all; the change's approval policy then says which of these roles count. */
    private static final String DECIDERS = "hasAnyRole('" + Roles.CHANGE_MANAGER + "', '" + Roles.CAB_MEMBER + "', '"
            + Roles.EMERGENCY_APPROVER + "')";
    /** The token claim with the caller's GitHub login (realm user attribute {@code github}). */
    static final String GITHUB = "github";
    private static final String READERS = "hasAnyRole('" + Roles.CHANGE_MANAGER + "', '" + Roles.CAB_MEMBER
            + "', '" + Roles.EMERGENCY_APPROVER + "', '" + Roles.RELEASE_MANAGER + "', '" + Roles.SERVICE_DESK + "', '" + Roles.PIPELINE + "')";

    private final RaiseChange raiseChange;
    private final ApproveChange approveChange;
    private final RejectChange rejectChange;
    private final ProgressChange progressChange;
    private final Changes changes;

    ChangesController(RaiseChange raiseChange, ApproveChange approveChange, RejectChange rejectChange,
            ProgressChange progressChange, Changes changes) {
        this.raiseChange = raiseChange;
        this.approveChange = approveChange;
        this.rejectChange = rejectChange;
        this.progressChange = progressChange;
        this.changes = changes;
    }

    @Override
    @PreAuthorize(RAISERS)
    @Transactional
    public ResponseEntity<Change> raiseChange(NewChange body) {
        var change = raiseChange.byHand(Representations.toDomain(body.getType()), body.getService(),
                body.getEnvironment(), body.getTitle(), body.getDescription(), caller());
        return ResponseEntity.created(URI.create(ChangesApi.PATH_GET_CHANGE.replace("{id}", change.id().toString())))
                .body(Representations.change(change));
    }

    @Override
    @PreAuthorize(DECIDERS)
    @Transactional
    public ResponseEntity<Change> approveChange(UUID id, @Nullable Approval approval) {
        var change = approveChange.approve(id, approver(), approval == null ? null : approval.getComment());
        return ResponseEntity.ok(Representations.change(change));
    }

    @Override
    @PreAuthorize(DECIDERS)
    @Transactional
    public ResponseEntity<Change> rejectChange(UUID id, Rejection rejection) {
        var change = rejectChange.reject(id, approver(), rejection.getReason());
        return ResponseEntity.ok(Representations.change(change));
    }

    @Override
    @PreAuthorize(RAISERS)
    @Transactional
    public ResponseEntity<Change> implementChange(UUID id, Implementation body) {
        return ResponseEntity.ok(Representations.change(progressChange.start(id, approver(), body.getComment())));
    }

    @Override
    @PreAuthorize(RAISERS)
    @Transactional
    public ResponseEntity<Change> completeChange(UUID id, Completion body) {
        var outcome = ChangeOutcome.valueOf(body.getOutcome().getValue());
        return ResponseEntity.ok(Representations.change(
                progressChange.complete(id, approver(), outcome, body.getReason())));
    }

    @Override
    @PreAuthorize(RAISERS)
    @Transactional
    public ResponseEntity<Change> cancelChange(UUID id, Cancellation body) {
        return ResponseEntity.ok(Representations.change(progressChange.cancel(id, approver(), body.getReason())));
    }

    @Override
    @PreAuthorize("hasRole('" + Roles.CHANGE_MANAGER + "')")
    @Transactional
    public ResponseEntity<Change> reviewChange(UUID id, PostImplementationReview body) {
        return ResponseEntity.ok(Representations.change(progressChange.review(id, approver(), body.getReview())));
    }

    @Override
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public ResponseEntity<List<Change>> listChanges(@Nullable String service, @Nullable ChangeState state) {
        return ResponseEntity.ok(changes.list(service, Representations.toDomain(state)).stream()
                .map(Representations::change).toList());
    }

    @Override
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public ResponseEntity<ChangeDetail> getChange(UUID id) {
        return ResponseEntity.ok(changes.find(id).map(Representations::detail)
                .orElseThrow(() -> new NotFoundException("Change", id)));
    }

    /** The authenticated user's name (the token's preferred_username). */
    private static String caller() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }

    /**
     * The caller as a person acting on a change: their user name, the toolchain login the realm maps to them, which the token
     * carries as the {@code github} claim (the user attribute of that name, editable by realm administrators only),
     * and their realm roles.
     */
    private static Approver approver() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        Set<String> logins = authentication instanceof JwtAuthenticationToken jwt && jwt.getToken().hasClaim(GITHUB)
                ? Set.copyOf(jwt.getToken().getClaimAsStringList(GITHUB))
                : Set.of();
        Set<String> roles = authentication.getAuthorities().stream().map(a -> a.getAuthority())
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring("ROLE_".length()))
                .collect(Collectors.toSet());
        return new Approver(authentication.getName(), logins, roles);
    }
}
