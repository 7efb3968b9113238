package io.passerelle.integrationservice.executor.adapter.argocd;

import java.util.Optional;

import io.passerelle.integrationservice.executor.Called;
import io.passerelle.integrationservice.executor.DeployCall;
import io.passerelle.integrationservice.executor.Observed;
import io.passerelle.integrationservice.executor.Target;
import io.passerelle.integrationservice.executor.VendorCalls;
import io.passerelle.integrationservice.executor.port.Executor;

/**
 * The Argo CD executor ({@code deployTarget.type = argocd}, settings {@code application} and optionally
 * {@code project}, credential a bearer token): syncs the application at the release's commit; the reference is that
 * revision. Always watched (the application's status), since Passerelle cannot tell whether Argo CD's notification
 * service is configured to tell it; when it is, {@link ArgoCdNotifications} takes the outcome first and the watch
 * finds it settled.
 */
public final class ArgoCdExecutor implements Executor {

    public static final String TYPE = "argocd";

    private final ArgoCd argoCd;
    private final VendorCalls calls;

    public ArgoCdExecutor(ArgoCd argoCd, VendorCalls calls) {
        this.argoCd = argoCd;
        this.calls = calls;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Optional<String> unusable(Target target) {
        return target.setting("application") == null ? Optional.of("the argocd target names no application")
                : calls.unusable(target.url());
    }

    @Override
    public Start start(Target target, DeployCall call, String secret, AttemptStart start) {
        var started = argoCd.start(application(target), secret, call, start::begin);
        return new Start(started.outcome(), started.reference() == null ? null : started.reference().revision());
    }

    @Override
    public boolean watches() {
        return true;
    }

    @Override
    public Observed observe(Target target, DeployCall call, String reference, String secret) {
        var application = application(target);
        return switch (argoCd.follow(application, secret, new ArgoCdOperation(application.name(), reference,
                call.deploymentId()))) {
            case Called.Answered<ArgoCdStatus> answered -> observed(answered.value(), reference);
            case Called.NotAnswered<ArgoCdStatus> notAnswered -> new Observed.NotObserved(notAnswered.outcome());
        };
    }

    /** Where the sync stands, as the executor says it (read from a status or from a notification). */
    static Observed observed(ArgoCdStatus status, String reference) {
        return switch (status) {
            case ArgoCdStatus.Running running -> new Observed.Running(reference, running.what());
            case ArgoCdStatus.Succeeded succeeded -> new Observed.Succeeded();
            case ArgoCdStatus.Failed failed -> new Observed.Failed(failed.reason());
        };
    }

    static ArgoCdApplication application(Target target) {
        return new ArgoCdApplication(target.url(), java.util.Objects.requireNonNull(target.setting("application")),
                target.setting("project"));
    }
}
