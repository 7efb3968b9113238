package io.passerelle.integrationservice.executor.adapter.jenkins;

import java.util.Objects;
import java.util.Optional;

import io.passerelle.integrationservice.executor.Called;
import io.passerelle.integrationservice.executor.DeployCall;
import io.passerelle.integrationservice.executor.Observed;
import io.passerelle.integrationservice.executor.Target;
import io.passerelle.integrationservice.executor.VendorCalls;
import io.passerelle.integrationservice.executor.port.Executor;

/**
 * The Jenkins executor ({@code deployTarget.type = jenkins}, settings {@code job} and {@code user}, credential the
 * user's API token): queues the parameterized job and watches the queue item, then its build. The reference is the
 * queue item's URL, followed by a space and the build's once Jenkins started one.
 */
public final class JenkinsExecutor implements Executor {

    public static final String TYPE = "jenkins";

    private final Jenkins jenkins;
    private final VendorCalls calls;

    public JenkinsExecutor(Jenkins jenkins, VendorCalls calls) {
        this.jenkins = jenkins;
        this.calls = calls;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Optional<String> unusable(Target target) {
        return target.setting("job") == null || target.setting("user") == null
                ? Optional.of("the jenkins target needs a job and a user") : calls.unusable(target.url());
    }

    @Override
    public Start start(Target target, DeployCall call, String secret, AttemptStart start) {
        var started = jenkins.start(job(target), secret, call, start::begin);
        return new Start(started.outcome(), started.reference() == null ? null : reference(started.reference()));
    }

    @Override
    public boolean watches() {
        return true;
    }

    @Override
    public Observed observe(Target target, DeployCall call, String reference, String secret) {
        var parts = reference.split(" ", 2);
        var build = new JenkinsBuild(parts[0], parts.length > 1 ? parts[1] : null, call.deploymentId());
        return switch (jenkins.follow(job(target), secret, build)) {
            case Called.Answered<JenkinsStatus> answered -> switch (answered.value()) {
                case JenkinsStatus.Running running -> new Observed.Running(reference(running.next()), running.what());
                case JenkinsStatus.Succeeded succeeded -> new Observed.Succeeded();
                case JenkinsStatus.Failed failed -> new Observed.Failed(failed.reason());
            };
            case Called.NotAnswered<JenkinsStatus> notAnswered -> new Observed.NotObserved(notAnswered.outcome());
        };
    }

    private static String reference(JenkinsBuild build) {
        return build.buildUrl() == null ? build.queueItemUrl() : build.queueItemUrl() + " " + build.buildUrl();
    }

    private static JenkinsJob job(Target target) {
        return new JenkinsJob(target.url(), Objects.requireNonNull(target.setting("job")),
                Objects.requireNonNull(target.setting("user")));
    }
}
