package io.passerelle.integrationservice.executor.adapter.jenkins;

import java.util.List;

import io.passerelle.integrationservice.executor.DeployCall;
import io.passerelle.integrationservice.executor.Observed;
import io.passerelle.integrationservice.executor.Target;
import io.passerelle.integrationservice.executor.VendorCalls;
import io.passerelle.integrationservice.executor.VendorExecutor;

/**
 * The Jenkins executor ({@code deployTarget.type = jenkins}, settings {@code job} and {@code user}, credential the
 * user's API token): queues the parameterized job and watches the queue item, then its build. The reference is the
 * queue item's URL, followed by a space and the build's once Jenkins started one.
 */
public final class JenkinsExecutor extends VendorExecutor {

    public static final String TYPE = "jenkins";

    private final Jenkins jenkins;

    public JenkinsExecutor(Jenkins jenkins, VendorCalls calls) {
        super(TYPE, calls, true, List.of("job", "user"));
        this.jenkins = jenkins;
    }

    @Override
    public Start start(Target target, DeployCall call, String secret, AttemptStart start) {
        return start(jenkins.start(job(target), secret, call, start::begin), JenkinsExecutor::reference);
    }

    @Override
    public Observed observe(Target target, DeployCall call, String reference, String secret) {
        var parts = reference.split(" ", 2);
        var build = new JenkinsBuild(parts[0], parts.length > 1 ? parts[1] : null, call.deploymentId());
        return observed(jenkins.follow(job(target), secret, build), status -> switch (status) {
            case JenkinsStatus.Running running -> new Observed.Running(reference(running.next()), running.what());
            case JenkinsStatus.Succeeded succeeded -> new Observed.Succeeded();
            case JenkinsStatus.Failed failed -> new Observed.Failed(failed.reason());
        });
    }

    private static String reference(JenkinsBuild build) {
        return build.buildUrl() == null ? build.queueItemUrl() : build.queueItemUrl() + " " + build.buildUrl();
    }

    private static JenkinsJob job(Target target) {
        return new JenkinsJob(target.url(), required(target, "job"), required(target, "user"));
    }
}
