package io.passerelle.integrationservice.pipelinerun.adapter.web;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;

import io.passerelle.integrationservice.api.PipelineRunsApi;
import io.passerelle.integrationservice.api.model.PipelineRun;
import io.passerelle.integrationservice.api.model.PipelineRunEvidenceChecksInner;
import io.passerelle.integrationservice.api.model.PipelineRunReceipt;
import io.passerelle.integrationservice.pipelinerun.PipelineRunReport;
import io.passerelle.integrationservice.pipelinerun.ReportPipelineRun;
import io.passerelle.platform.security.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

@RestController
class PipelineRunController implements PipelineRunsApi {

    private final ReportPipelineRun report;
    private final JsonMapper json;

    PipelineRunController(ReportPipelineRun report, JsonMapper json) {
        this.report = report;
        this.json = json;
    }

    @Override
    @PreAuthorize("hasRole('" + Roles.PIPELINE + "')")
    @Transactional
    public ResponseEntity<PipelineRunReceipt> reportPipelineRun(String idempotencyKey, PipelineRun run) {
        var caller = SecurityContextHolder.getContext().getAuthentication();
        var receipt = report.report(idempotencyKey, sha256(json.writeValueAsBytes(run)), toDomain(run),
                caller == null ? "unknown" : caller.getName());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new PipelineRunReceipt(receipt.accepted()
                ? PipelineRunReceipt.OutcomeEnum.ACCEPTED : PipelineRunReceipt.OutcomeEnum.IGNORED)
                .reason(receipt.reason()).events(receipt.events()));
    }

    private static PipelineRunReport toDomain(PipelineRun run) {
        var evidence = run.getEvidence();
        var tests = evidence == null || evidence.getTests() == null ? null : new PipelineRunReport.Tests(
                evidence.getTests().getPassed(), evidence.getTests().getFailed(), evidence.getTests().getSkipped());
        List<PipelineRunEvidenceChecksInner> checks = evidence == null || evidence.getChecks() == null ? List.of()
                : evidence.getChecks();
        var names = new HashSet<String>();
        for (var check : checks) {
            if (check == null || !names.add(check.getName())) {
                throw new IllegalArgumentException("evidence.checks: each check once, by name");
            }
        }
        if (run.getBranch().isBlank()) {
            throw new IllegalArgumentException("branch: not blank");
        }
        return new PipelineRunReport(run.getService(), run.getCommit(), run.getBranch(),
                run.getResult() == PipelineRun.ResultEnum.SUCCESS,
                run.getRunUrl() == null ? null : run.getRunUrl().toString(), run.getRunId(), run.getPipeline(),
                run.getFinishedAt() == null ? null : run.getFinishedAt().toInstant(), run.getRunNumber(), tests,
                checks.stream().map(c -> new PipelineRunReport.Check(c.getName(),
                        c.getResult() == PipelineRunEvidenceChecksInner.ResultEnum.SUCCESS)).toList());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
