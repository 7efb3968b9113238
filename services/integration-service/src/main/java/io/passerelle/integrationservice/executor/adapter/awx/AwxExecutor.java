package io.passerelle.integrationservice.executor.adapter.awx;

import java.util.Optional;

import io.passerelle.integrationservice.executor.Called;
import io.passerelle.integrationservice.executor.DeployCall;
import io.passerelle.integrationservice.executor.Observed;
import io.passerelle.integrationservice.executor.Target;
import io.passerelle.integrationservice.executor.VendorCalls;
import io.passerelle.integrationservice.executor.port.Executor;

/**
 * The AWX / Ansible Automation Platform executor ({@code deployTarget.type = awx}, setting {@code jobTemplateId},
 * credential a bearer token): launches the job template with the deployment as extra vars and watches the job; the
 * reference is the job's id.
 */
public final class AwxExecutor implements Executor {

    public static final String TYPE = "awx";

    private final Awx awx;
    private final VendorCalls calls;

    public AwxExecutor(Awx awx, VendorCalls calls) {
        this.awx = awx;
        this.calls = calls;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Optional<String> unusable(Target target) {
        var id = target.setting("jobTemplateId");
        return id == null || !id.matches("[1-9][0-9]{0,17}")
                ? Optional.of("the awx target needs a jobTemplateId (a positive integer)") : calls.unusable(target.url());
    }

    @Override
    public Start start(Target target, DeployCall call, String secret, AttemptStart start) {
        var started = awx.start(template(target), secret, call, start::begin);
        return new Start(started.outcome(), started.reference() == null ? null
                : Long.toString(started.reference().id()));
    }

    @Override
    public boolean watches() {
        return true;
    }

    @Override
    public Observed observe(Target target, DeployCall call, String reference, String secret) {
        return switch (awx.follow(template(target), secret, new AwxJob(Long.parseLong(reference),
                call.deploymentId()))) {
            case Called.Answered<AwxStatus> answered -> switch (answered.value()) {
                case AwxStatus.Running running -> new Observed.Running(reference, "job " + reference + " "
                        + running.status());
                case AwxStatus.Succeeded succeeded -> new Observed.Succeeded();
                case AwxStatus.Failed failed -> new Observed.Failed(failed.reason());
            };
            case Called.NotAnswered<AwxStatus> notAnswered -> new Observed.NotObserved(notAnswered.outcome());
        };
    }

    private static AwxJobTemplate template(Target target) {
        return new AwxJobTemplate(target.url(), Long.parseLong(java.util.Objects.requireNonNull(
                target.setting("jobTemplateId"))));
    }
}
