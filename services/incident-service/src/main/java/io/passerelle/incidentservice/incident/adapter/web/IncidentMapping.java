package io.passerelle.incidentservice.incident.adapter.web;

import java.time.Duration;

import io.passerelle.incidentservice.api.model.DeploymentOutcome;
import io.passerelle.incidentservice.api.model.IncidentReport;
import io.passerelle.incidentservice.api.model.IncidentSource;
import io.passerelle.incidentservice.api.model.IncidentState;
import io.passerelle.incidentservice.api.model.KnownErrorSuggestion;
import io.passerelle.incidentservice.api.model.Level;
import io.passerelle.incidentservice.api.model.Priority;
import io.passerelle.incidentservice.api.model.ProblemState;
import io.passerelle.incidentservice.api.model.Suspect;
import io.passerelle.incidentservice.api.model.TimelineEntry;
import io.passerelle.incidentservice.incident.Incident;
import io.passerelle.incidentservice.incident.LinkedProblem;
import io.passerelle.incidentservice.incident.ServiceDeskReport;
import io.passerelle.incidentservice.incident.Stamp;
import io.passerelle.platform.web.ApiTime;
import org.jspecify.annotations.Nullable;

/** Between the generated API models and the domain, at the edge. */
final class IncidentMapping {

    private IncidentMapping() {
    }

    static ServiceDeskReport report(IncidentReport r) {
        return new ServiceDeskReport(r.getService(), r.getEnvironment(), r.getTitle(), r.getDescription(),
                level(r.getImpact()), level(r.getUrgency()),
                r.getStartedAt() == null ? null : r.getStartedAt().toInstant());
    }

    /** The incident, with the known errors suggested to it and the problems it is linked to. */
    static io.passerelle.incidentservice.api.model.Incident view(Incident i, java.util.List<LinkedProblem> problems) {
        var acknowledged = i.acknowledged();
        var closed = i.closed();
        return new io.passerelle.incidentservice.api.model.Incident(i.id(), i.service(), i.environment(),
                i.attributed(), i.title(), IncidentSource.valueOf(i.source().name()),
                Priority.valueOf(i.priority().name()), Level.valueOf(i.impact().name()),
                Level.valueOf(i.urgency().name()), IncidentState.valueOf(i.state().name()), i.occurrences(),
                ApiTime.utc(i.startedAt()), ApiTime.utc(i.openedAt()), i.reportedBy(),
                i.suspects().stream().map(IncidentMapping::view).toList())
                .description(i.description())
                .fingerprint(i.fingerprint())
                .alertName(i.alertName())
                .lastSeenAt(ApiTime.utcOrNull(i.lastSeenAt()))
                .acknowledgedAt(ApiTime.utcOrNull(at(acknowledged)))
                .acknowledgedBy(acknowledged == null ? null : acknowledged.by())
                .timeToAcknowledgeSeconds(i.timeToAcknowledge().map(Duration::toSeconds).orElse(null))
                .assignee(i.assignment().assignee())
                .assignmentGroup(i.assignment().group())
                .holdReason(i.holdReason())
                .resolvedAt(ApiTime.utcOrNull(i.resolvedAt()))
                .resolvedBy(i.resolvedBy())
                .timeToRestoreSeconds(i.timeToRestore().map(Duration::toSeconds).orElse(null))
                .closedAt(ApiTime.utcOrNull(at(closed)))
                .closedBy(closed == null ? null : closed.by())
                .knownErrors(i.knownErrors().stream().map(k -> new KnownErrorSuggestion(k.problemId(), k.title())
                        .workaround(k.workaround())).toList())
                .problems(problems.stream().map(p -> new io.passerelle.incidentservice.api.model.LinkedProblem(
                        p.problemId(), p.title(), ProblemState.valueOf(p.state()))).toList());
    }

    static TimelineEntry view(io.passerelle.incidentservice.timeline.TimelineEntry e) {
        return new TimelineEntry(ApiTime.utc(e.at()), TimelineEntry.KindEnum.valueOf(e.kind().name()), e.actor(),
                e.text()).ref(e.ref());
    }

    private static Suspect view(io.passerelle.incidentservice.suspect.Suspect s) {
        var view = new Suspect(s.rank(), s.deploymentId(), s.version(),
                DeploymentOutcome.valueOf(s.outcome().name()), ApiTime.utc(s.finishedAt()), s.score(), s.reason())
                .commitSha(s.commitSha()).changeId(s.changeId()).madeBy(s.madeBy());
        var decision = s.decision();
        return decision == null ? view : view.decision(Suspect.DecisionEnum.fromValue(decision.verdict().name()))
                .decidedBy(decision.by())
                .decidedAt(ApiTime.utc(decision.at()))
                .decisionReason(decision.reason());
    }

    private static java.time.@Nullable Instant at(@Nullable Stamp stamp) {
        return stamp == null ? null : stamp.at();
    }

    static io.passerelle.incidentservice.incident.Level level(Level level) {
        return io.passerelle.incidentservice.incident.Level.valueOf(level.name());
    }
}
