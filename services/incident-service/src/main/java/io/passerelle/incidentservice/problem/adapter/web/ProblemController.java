package io.passerelle.incidentservice.problem.adapter.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.passerelle.incidentservice.api.ProblemsApi;
import io.passerelle.incidentservice.api.model.KnownErrorRecording;
import io.passerelle.incidentservice.api.model.NewProblem;
import io.passerelle.incidentservice.api.model.ProblemClosure;
import io.passerelle.incidentservice.api.model.ProblemFix;
import io.passerelle.incidentservice.api.model.ProblemRecord;
import io.passerelle.incidentservice.api.model.ProblemResolution;
import io.passerelle.incidentservice.api.model.ProblemState;
import io.passerelle.incidentservice.problem.ProgressProblem;
import io.passerelle.incidentservice.problem.RaiseProblem;
import io.passerelle.incidentservice.problem.port.Problems;
import io.passerelle.platform.domain.NotFoundException;
import io.passerelle.platform.security.Roles;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ProblemController implements ProblemsApi {

    private static final String WRITERS = "hasAnyRole('" + Roles.PROBLEM_MANAGER + "', '" + Roles.SERVICE_DESK + "')";
    private static final String READERS = "hasAnyRole('" + Roles.PROBLEM_MANAGER + "', '" + Roles.SERVICE_DESK + "', '"
            + Roles.ON_CALL + "', '" + Roles.CHANGE_MANAGER + "', '" + Roles.RELEASE_MANAGER + "')";

    private final RaiseProblem raiseProblem;
    private final ProgressProblem progress;
    private final Problems problems;

    ProblemController(RaiseProblem raiseProblem, ProgressProblem progress, Problems problems) {
        this.raiseProblem = raiseProblem;
        this.progress = progress;
        this.problems = problems;
    }

    @Override
    @PreAuthorize(WRITERS)
    @Transactional
    public ResponseEntity<ProblemRecord> raiseProblem(NewProblem body) {
        // an optional list sent as null is no list
        var incidentIds = body.getIncidentIds() == null ? List.<UUID>of() : body.getIncidentIds();
        var problem = raiseProblem.raise(body.getTitle(), body.getDescription(), body.getService(), incidentIds,
                caller());
        // a path, not an absolute URL: the service cannot know the public address the client used (the gateway's)
        var location = URI.create(ProblemsApi.PATH_GET_PROBLEM.replace("{id}", problem.id().toString()));
        return ResponseEntity.created(location).body(ProblemMapping.view(problem));
    }

    @Override
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public ResponseEntity<List<ProblemRecord>> listProblems(@Nullable ProblemState state, @Nullable String service,
            @Nullable String text, Integer limit, Integer offset) {
        var found = problems.list(state == null ? null : ProblemMapping.state(state), service, text, limit, offset);
        return ResponseEntity.ok(found.stream().map(ProblemMapping::view).toList());
    }

    @Override
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public ResponseEntity<ProblemRecord> getProblem(UUID id) {
        return problems.byId(id).map(ProblemMapping::view).map(ResponseEntity::ok)
                .orElseThrow(() -> new NotFoundException("problem", id));
    }

    @Override
    @PreAuthorize(WRITERS)
    @Transactional
    public ResponseEntity<ProblemRecord> investigateProblem(UUID id) {
        return ok(progress.investigate(id, caller()));
    }

    @Override
    @PreAuthorize(WRITERS)
    @Transactional
    public ResponseEntity<ProblemRecord> recordKnownError(UUID id, KnownErrorRecording body) {
        return ok(progress.recordKnownError(id, body.getRootCause(), body.getWorkaround(),
                ProblemMapping.match(body.getMatch()), caller()));
    }

    @Override
    @PreAuthorize(WRITERS)
    @Transactional
    public ResponseEntity<ProblemRecord> linkProblemFix(UUID id, ProblemFix body) {
        return ok(progress.fixWith(id, body.getChangeId()));
    }

    @Override
    @PreAuthorize(WRITERS)
    @Transactional
    public ResponseEntity<ProblemRecord> resolveProblem(UUID id, ProblemResolution body) {
        return ok(progress.resolve(id, body.getRootCause(), caller()));
    }

    @Override
    @PreAuthorize(WRITERS)
    @Transactional
    public ResponseEntity<ProblemRecord> closeProblem(UUID id, ProblemClosure body) {
        return ok(progress.close(id, body.getDuplicateOf(), caller()));
    }

    @Override
    @PreAuthorize(WRITERS)
    @Transactional
    public ResponseEntity<ProblemRecord> linkIncidentToProblem(UUID id, UUID incidentId) {
        return ok(progress.link(id, incidentId, caller()));
    }

    @Override
    @PreAuthorize(WRITERS)
    @Transactional
    public ResponseEntity<ProblemRecord> unlinkIncidentFromProblem(UUID id, UUID incidentId) {
        return ok(progress.unlink(id, incidentId, caller()));
    }

    private static ResponseEntity<ProblemRecord> ok(io.passerelle.incidentservice.problem.Problem problem) {
        return ResponseEntity.ok(ProblemMapping.view(problem));
    }

    private static String caller() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }
}
