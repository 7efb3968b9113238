package io.passerelle.integrationservice.cdeventsin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.passerelle.integrationservice.alert.Alert;
import io.passerelle.integrationservice.alert.Limits;
import io.passerelle.integrationservice.alert.ReceiveAlerts;
import io.passerelle.integrationservice.alert.Source;
import io.passerelle.integrationservice.catalog.CatalogedService;
import io.passerelle.integrationservice.catalog.port.CatalogedServices;
import io.passerelle.integrationservice.observeddeployment.DeploymentObserved;
import io.passerelle.integrationservice.pipelinerun.PipelineRunReport;
import io.passerelle.integrationservice.pipelinerun.ReportPipelineRun;
import io.passerelle.platform.event.DomainEvent;
import org.jspecify.annotations.Nullable;

/**
 * What each CDEvent taken in says in Passerelle's words (docs/integrations/cdevents.md, "CDEvents in"):
 * <ul>
 * <li>{@code pipelinerun.finished}: the spec's pipeline run names no service nor commit, so the sender puts them in
 * {@code customData}: {@code service}, {@code commitSha} and {@code branch} (all three required); then
 * {@code pipeline.succeeded.v1} / {@code pipeline.failed.v1} (provider {@value #INTAKE}) exactly as a run reported by
 * REST ({@link ReportPipelineRun#events}); the check is {@code pipelineName}, the run {@code subject.id}, its URL
 * {@code uri}, a failure's conclusion the {@code outcome}.</li>
 * <li>{@code service.deployed|upgraded|rolledback}: a deployment made by another tool, {@code deployment.observed.v1}:
 * the environment is {@code environment.id}; the service {@code customData.service}, else the name of the
 * {@code artifactId} package URL, whose version is the version; {@code customData.commitSha} and
 * {@code customData.url} when sent.</li>
 * <li>{@code incident.detected|resolved}: an alert firing / resolved of source {@code cdevents}, through the alert
 * intake ({@link ReceiveAlerts}): labels {@code service} and {@code environment} from {@code service.id} and
 * {@code environment.id} (an incident naming no catalogued service is published unattributed, as any monitoring
 * alert), the fingerprint derived from the CloudEvents source and the subject's id, so the resolution finds its
 * detection.</li>
 * </ul>
 */
public final class CdEventMappings {

    static final String INTAKE = "cdevents";
    private static final Pattern NAME = Pattern.compile("^[a-z0-9][a-z0-9-]{0,62}$");
    private static final int MAX_VERSION = 200;

    /** What a CDEvent becomes. */
    sealed interface Mapped {

        record Events(List<DomainEvent> events) implements Mapped {
        }

        record Alert(Source source, io.passerelle.integrationservice.alert.Alert alert) implements Mapped {
        }

        record Nothing(String reason) implements Mapped {
        }
    }

    private final CatalogedServices catalog;
    private final ReceiveAlerts alerts;

    public CdEventMappings(CatalogedServices catalog, ReceiveAlerts alerts) {
        this.catalog = catalog;
        this.alerts = alerts;
    }

    ReceiveAlerts alerts() {
        return alerts;
    }

    Mapped map(CdEventKind kind, Sender sender, InboundCdEvent event, Instant now) {
        return switch (kind) {
            case PIPELINERUN_FINISHED -> pipelineRun(sender, event, now);
            case SERVICE_DEPLOYED -> deployment(DeploymentObserved.Kind.deployed, sender, event, now);
            case SERVICE_UPGRADED -> deployment(DeploymentObserved.Kind.upgraded, sender, event, now);
            case SERVICE_ROLLEDBACK -> deployment(DeploymentObserved.Kind.rolledback, sender, event, now);
            case INCIDENT_DETECTED -> incident(true, event);
            case INCIDENT_RESOLVED -> incident(false, event);
        };
    }

    private Mapped pipelineRun(Sender sender, InboundCdEvent event, Instant now) {
        var name = required(event.custom("service"), "/customData/service", "a pipelinerun.finished names no"
                + " service in CDEvents v0.5.1: send customData {\"service\", \"commitSha\", \"branch\"}");
        var service = ReceiveCdEvent.service(catalog, name, "/customData/service");
        var commit = ReceiveCdEvent.commit(required(event.custom("commitSha"), "/customData/commitSha",
                "a pipelinerun.finished names no commit in CDEvents v0.5.1: send customData.commitSha"),
                "/customData/commitSha");
        var branch = required(event.custom("branch"), "/customData/branch",
                "send customData.branch: only a run on the service's default branch makes a release");
        var outcome = required(event.content("outcome"), "/subject/content/outcome",
                "a finished pipeline run needs its outcome (success, failure, cancel, error)");
        var success = "success".equals(outcome);
        var report = new PipelineRunReport(service.name(), commit, branch, success,
                ReceiveCdEvent.bounded(event.content("uri"), "/subject/content/uri", Limits.MAX_URL),
                event.subjectId(), ReceiveCdEvent.bounded(event.content("pipelineName"),
                        "/subject/content/pipelineName", Limits.MAX_NAME),
                event.at(), null, null, List.of(), outcome);
        var published = ReportPipelineRun.events(service, report, event.subjectId(), INTAKE,
                event.source() + "#" + event.id(), INTAKE + ":" + sender.name(), now);
        return published.isEmpty() ? new Mapped.Nothing(ReportPipelineRun.otherBranch(service, branch))
                : new Mapped.Events(published);
    }

    private Mapped deployment(DeploymentObserved.Kind kind, Sender sender, InboundCdEvent event, Instant now) {
        var artifact = required(event.content("artifactId"), "/subject/content/artifactId", "artifactId is required");
        var purl = PackageUrl.parse(artifact).orElseThrow(() -> new InvalidCdEventException(
                "/subject/content/artifactId", "artifactId '" + artifact + "' is not a package URL"
                        + " (pkg:type/name@version): the version deployed is read from it"));
        var named = event.custom("service");
        var pointer = named == null ? "/subject/content/artifactId" : "/customData/service";
        var service = ReceiveCdEvent.service(catalog, named == null ? purl.name() : named, pointer);
        var environmentId = required(event.content("environment"), "/subject/content/environment/id",
                "environment.id is required");
        var environment = environment(service, environmentId);
        var version = ReceiveCdEvent.bounded(purl.version(), "/subject/content/artifactId", MAX_VERSION);
        return new Mapped.Events(List.of(new DeploymentObserved(
                DeploymentObserved.idOf(INTAKE, event.source(), event.id()), service.name(), environment, version,
                ReceiveCdEvent.commit(event.custom("commitSha"), "/customData/commitSha"),
                DeploymentObserved.Outcome.SUCCEEDED, kind, INTAKE, sender.name(),
                ReceiveCdEvent.bounded(event.source(), "/context/source", Limits.MAX_URL), event.id(),
                ReceiveCdEvent.bounded(event.custom("url"), "/customData/url", Limits.MAX_URL), null,
                event.at(), now)));
    }

    private static String environment(CatalogedService service, String id) {
        var known = service.environments().isEmpty() ? (NAME.matcher(id).matches() ? id : null)
                : service.environment(id).orElse(null);
        if (known == null) {
            throw new UnknownServiceException("/subject/content/environment/id", "environment '" + id + "' is not an"
                    + " environment of " + service.name() + " " + service.environments());
        }
        return known;
    }

    private static Mapped incident(boolean detected, InboundCdEvent event) {
        var labels = new LinkedHashMap<String, String>();
        labels.put("alertname", "cdevents-incident");
        put(labels, "service", event.content("service"));
        put(labels, "environment", event.content("environment"));
        labels.put("incident", event.subjectId());
        labels.put("cdeventsSource", event.source());
        var annotations = new LinkedHashMap<String, String>();
        put(annotations, "summary", event.content("description"));
        try {
            return new Mapped.Alert(Source.CDEVENTS, new Alert(detected ? "firing" : "resolved", labels,
                    annotations, detected ? event.at() : null, detected ? null : event.at(),
                    event.custom("url"), fingerprint(event)));
        } catch (IllegalArgumentException e) {
            throw new InvalidCdEventException("/subject", e.getMessage());
        }
    }

    /** The same for the detection and the resolution of one incident: its source and subject id. */
    static String fingerprint(InboundCdEvent event) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest((event.source() + " " + event.subjectId())
                    .getBytes(StandardCharsets.UTF_8));
            return INTAKE + "-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void put(Map<String, String> map, String key, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }

    private static String required(@Nullable String value, String pointer, String message) {
        if (value == null || value.isBlank()) {
            throw new InvalidCdEventException(pointer, message);
        }
        return value;
    }
}
