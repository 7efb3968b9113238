package io.passerelle.releaseservice.gate.adapter.web;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import io.passerelle.platform.domain.NotPermittedException;
import io.passerelle.platform.security.Roles;
import io.passerelle.platform.web.ProblemDetailsAdvice;
import io.passerelle.releaseservice.api.GatesApi;
import io.passerelle.releaseservice.api.model.GateOutcomeReport;
import io.passerelle.releaseservice.api.model.GateRecord;
import io.passerelle.releaseservice.api.model.GateRequest;
import io.passerelle.releaseservice.gate.Evidence;
import io.passerelle.releaseservice.gate.Gate;
import io.passerelle.releaseservice.gate.GateOutcome;
import io.passerelle.releaseservice.gate.GateWaiters;
import io.passerelle.releaseservice.gate.OpenGate;
import io.passerelle.releaseservice.gate.ReadGate;
import io.passerelle.releaseservice.gate.ReportGateOutcome;
import io.passerelle.releaseservice.gate.TooManyWaitersException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * Gates over HTTP. Every answer is a {@link DeferredResult}: the long-poll ({@code GET ?wait=}) parks its request
 * in {@link GateWaiters} and gives its thread back; the other operations answer at once. What is refused is refused
 * before any answer is deferred (problem+json from the usual handlers). A token's client is its {@code azp}.
 */
@RestController
class GatesController implements GatesApi {

    static final String PIPELINE = "hasRole('" + Roles.PIPELINE + "')";
    static final String READERS = "hasAnyRole('" + Roles.PIPELINE + "','" + Roles.RELEASE_MANAGER + "','"
            + Roles.CHANGE_MANAGER + "')";
    /** A waiting request that none of ours answered by then (it should not happen) is answered by the container. */
    static final Duration BACKSTOP = Duration.ofSeconds(10);
    static final String RETRY_AFTER_SECONDS = "5";
    private static final ReadGate.Reader EVERY_GATE = new ReadGate.Reader(null, true);

    private final OpenGate openGate;
    private final ReadGate readGate;
    private final ReportGateOutcome reportOutcome;
    private final GateWaiters waiters;

    GatesController(OpenGate openGate, ReadGate readGate, ReportGateOutcome reportOutcome, GateWaiters waiters) {
        this.openGate = openGate;
        this.readGate = readGate;
        this.reportOutcome = reportOutcome;
        this.waiters = waiters;
    }

    @Override
    @PreAuthorize(PIPELINE)
    @Transactional
    public DeferredResult<ResponseEntity<GateRecord>> openGate(GateRequest body) {
        var evidence = body.getEvidence() == null ? Evidence.NONE
                : new Evidence(body.getEvidence().getTestReportUrl(), body.getEvidence().getArtifactDigest());
        var opened = openGate.open(new OpenGate.Request(body.getService(), body.getEnvironment(), body.getCommitSha(),
                body.getRunUrl(), body.getActor(), body.getVersion(), evidence, body.getCallbackUrl()), client());
        var view = GateViews.of(opened.gate()).callbackSecret(opened.callbackSecret());
        // a path, not an absolute URL: the service cannot know the public address the client used (the gateway's)
        var location = URI.create(GatesApi.PATH_GET_GATE.replace("{id}", opened.gate().id().toString()));
        return answered(opened.created() ? ResponseEntity.created(location).body(view) : ResponseEntity.ok(view));
    }

    @Override
    @PreAuthorize(READERS)
    public DeferredResult<ResponseEntity<GateRecord>> getGate(UUID id, Integer wait) {
        var gate = readGate.read(id, new ReadGate.Reader(clientOrNull(), readsEveryGate()));
        if (wait == null || wait == 0 || gate.decision().isFinal()) {
            return answered(ResponseEntity.ok(GateViews.of(gate)));
        }
        var answer = new DeferredResult<ResponseEntity<GateRecord>>(Duration.ofSeconds(wait).plus(BACKSTOP).toMillis(),
                () -> ResponseEntity.ok(GateViews.of(readGate.read(id, EVERY_GATE))));
        var waiting = waiters.await(id, Duration.ofSeconds(wait), new GateWaiters.Listener() {
            @Override
            public void answer(Gate decided) {
                answer.setResult(ResponseEntity.ok(GateViews.of(decided)));
            }

            @Override
            public void failed(RuntimeException cause) {
                answer.setErrorResult(cause);
            }
        });
        answer.onCompletion(waiting::cancel);
        answer.onError(error -> waiting.cancel());
        answer.onTimeout(waiting::cancel);
        return answer;
    }

    @Override
    @PreAuthorize(PIPELINE)
    @Transactional
    public DeferredResult<ResponseEntity<GateRecord>> reportGateOutcome(UUID id, GateOutcomeReport body) {
        var outcome = switch (body.getResult()) {
            case SUCCEEDED -> GateOutcome.SUCCEEDED;
            case FAILED -> GateOutcome.FAILED;
        };
        return answered(ResponseEntity.ok(GateViews.of(reportOutcome.report(id, client(), outcome, body.getReason()))));
    }

    @ExceptionHandler(TooManyWaitersException.class)
    ResponseEntity<ProblemDetail> tooManyWaiters(TooManyWaitersException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setType(URI.create(ProblemDetailsAdvice.TYPE_BASE + "too-many-waiters"));
        problem.setTitle("Too many waiting requests");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(problem);
    }

    private static DeferredResult<ResponseEntity<GateRecord>> answered(ResponseEntity<GateRecord> response) {
        var result = new DeferredResult<ResponseEntity<GateRecord>>();
        result.setResult(response);
        return result;
    }

    /** The token's client: the gates it opens are its own. */
    private static String client() {
        var client = clientOrNull();
        if (client == null) {
            throw new NotPermittedException("the token names no client (azp claim): a pipeline's gates belong to the"
                    + " client that opened them");
        }
        return client;
    }

    private static @Nullable String clientOrNull() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken jwt
                ? jwt.getToken().getClaimAsString("azp") : null;
    }

    private static boolean readsEveryGate() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream().anyMatch(a ->
                a.getAuthority().equals("ROLE_" + Roles.RELEASE_MANAGER)
                        || a.getAuthority().equals("ROLE_" + Roles.CHANGE_MANAGER));
    }
}
