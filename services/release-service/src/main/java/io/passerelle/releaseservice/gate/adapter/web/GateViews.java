package io.passerelle.releaseservice.gate.adapter.web;

import io.passerelle.platform.web.ApiTime;
import io.passerelle.releaseservice.api.model.GateDecision;
import io.passerelle.releaseservice.api.model.GateEvidence;
import io.passerelle.releaseservice.api.model.GateRecord;
import io.passerelle.releaseservice.gate.Gate;

/** A gate as the API shows it; never its callback URL or key (the key is added to the answer that opened it). */
final class GateViews {

    private GateViews() {
    }

    static GateRecord of(Gate gate) {
        var evidence = gate.evidence();
        return new GateRecord(gate.id(), gate.deploymentId(), gate.service(), gate.environment(), gate.commitSha(),
                gate.version(), gate.runUrl(), gate.requestedBy(), GateDecision.fromValue(gate.decision().name()),
                ApiTime.utc(gate.openedAt()))
                .changeId(gate.changeId())
                .reason(gate.reason())
                .decidedAt(ApiTime.utcOrNull(gate.decidedAt()))
                .proceedAt(ApiTime.utcOrNull(gate.proceedAt()))
                .outcome(gate.outcome() == null ? null : GateRecord.OutcomeEnum.fromValue(gate.outcome().name()))
                .evidence(evidence.testReportUrl() == null && evidence.artifactDigest() == null ? null
                        : new GateEvidence().testReportUrl(evidence.testReportUrl())
                                .artifactDigest(evidence.artifactDigest()));
    }
}
