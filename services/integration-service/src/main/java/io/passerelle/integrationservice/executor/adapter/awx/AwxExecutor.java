package io.passerelle.integrationservice.executor.adapter.awx;

import java.util.List;
import java.util.Optional;

import io.passerelle.integrationservice.executor.DeployCall;
import io.passerelle.integrationservice.executor.Observed;
import io.passerelle.integrationservice.executor.Target;
import io.passerelle.integrationservice.executor.VendorCalls;
import io.passerelle.integrationservice.executor.VendorExecutor;

/**
 * The AWX / Ansible Automation Platform executor ({@code deployTarget.type = awx}, setting {@code jobTemplateId},
 * credential a bearer token): launches the job template with the deployment as extra vars and watches the job; the
 * reference is the job's id.
 */
public final class AwxExecutor extends VendorExecutor {

    public static final String TYPE = "awx";

    private final Awx awx;

    public AwxExecutor(Awx awx, VendorCalls calls) {
        super(TYPE, calls, true, List.of("jobTemplateId"));
        this.awx = awx;
    }

    /** A template id that is not a positive number can never be launched. */
    @Override
    public Optional<String> unusable(Target target) {
        var id = target.setting("jobTemplateId");
        return id != null && !id.matches("[1-9][0-9]{0,17}")
                ? Optional.of("the awx target's jobTemplateId '" + id + "' is not a positive integer")
                : super.unusable(target);
    }

    @Override
    public Start start(Target target, DeployCall call, String secret, AttemptStart start) {
        return start(awx.start(template(target), secret, call, start::begin), job -> Long.toString(job.id()));
    }

    @Override
    public Observed observe(Target target, DeployCall call, String reference, String secret) {
        return observed(awx.follow(template(target), secret, new AwxJob(Long.parseLong(reference),
                call.deploymentId())), status -> switch (status) {
                    case AwxStatus.Running running -> new Observed.Running(reference, "job " + reference + " "
                            + running.status());
                    case AwxStatus.Succeeded succeeded -> new Observed.Succeeded();
                    case AwxStatus.Failed failed -> new Observed.Failed(failed.reason());
                });
    }

    private static AwxJobTemplate template(Target target) {
        return new AwxJobTemplate(target.url(), Long.parseLong(required(target, "jobTemplateId")));
    }
}
