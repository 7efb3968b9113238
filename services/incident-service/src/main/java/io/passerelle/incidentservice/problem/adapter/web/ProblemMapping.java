package io.passerelle.incidentservice.problem.adapter.web;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import io.passerelle.incidentservice.api.model.KnownErrorMatch;
import io.passerelle.incidentservice.api.model.ProblemIncident;
import io.passerelle.incidentservice.api.model.ProblemRecord;
import io.passerelle.incidentservice.problem.Problem;
import io.passerelle.incidentservice.problem.ProblemState;
import io.passerelle.incidentservice.problem.Step;
import io.passerelle.platform.web.ApiTime;
import org.jspecify.annotations.Nullable;

/** Between the generated API models and the domain, at the edge. */
final class ProblemMapping {

    private ProblemMapping() {
    }

    static ProblemState state(io.passerelle.incidentservice.api.model.ProblemState state) {
        return ProblemState.valueOf(state.name());
    }

    /** Labels sent as null are no labels. */
    static io.passerelle.incidentservice.problem.KnownErrorMatch match(KnownErrorMatch m) {
        return new io.passerelle.incidentservice.problem.KnownErrorMatch(m.getService(), m.getAlertName(),
                m.getLabels() == null ? Map.of() : m.getLabels());
    }

    static ProblemRecord view(Problem p) {
        var match = p.match();
        return new ProblemRecord(p.id(), p.title(),
                io.passerelle.incidentservice.api.model.ProblemState.valueOf(p.state().name()), p.raised().by(),
                ApiTime.utc(p.raised().at()), p.incidents().stream()
                        .map(l -> new ProblemIncident(l.incidentId(), ApiTime.utc(l.linkedAt()), l.linkedBy()))
                        .toList())
                .description(p.description())
                .service(p.service())
                .rootCause(p.rootCause())
                .workaround(p.workaround())
                .match(match == null ? null : new KnownErrorMatch().service(match.service())
                        .alertName(match.alertName()).labels(new HashMap<>(match.labels())))
                .fixChangeId(p.fixChangeId())
                .duplicateOf(p.duplicateOf())
                .investigatedBy(by(p.investigated()))
                .investigatedAt(at(p.investigated()))
                .knownErrorBy(by(p.knownError()))
                .knownErrorAt(at(p.knownError()))
                .resolvedBy(by(p.resolved()))
                .resolvedAt(at(p.resolved()))
                .closedBy(by(p.closed()))
                .closedAt(at(p.closed()));
    }

    private static @Nullable String by(@Nullable Step step) {
        return step == null ? null : step.by();
    }

    private static @Nullable OffsetDateTime at(@Nullable Step step) {
        return ApiTime.utcOrNull(step == null ? null : step.at());
    }
}
