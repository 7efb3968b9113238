package io.passerelle.integrationservice.executor.adapter.argocd;

import java.util.List;

import io.passerelle.integrationservice.executor.DeployCall;
import io.passerelle.integrationservice.executor.Observed;
import io.passerelle.integrationservice.executor.Target;
import io.passerelle.integrationservice.executor.VendorCalls;
import io.passerelle.integrationservice.executor.VendorExecutor;

/**
 * The Argo CD executor ({@code deployTarget.type = argocd}, settings {@code application} and optionally
 * {@code project}, credential a bearer token): syncs the application at the release's commit; the reference is that
 * revision. Always watched (the application's status), since Passerelle cannot tell whether Argo CD's notification
 * service is configured to tell it; when it is, {@link ArgoCdNotificationController} takes the outcome first and the
 * watch finds it settled.
 */
public final class ArgoCdExecutor extends VendorExecutor {

    public static final String TYPE = "argocd";

    private final ArgoCd argoCd;

    public ArgoCdExecutor(ArgoCd argoCd, VendorCalls calls) {
        super(TYPE, calls, true, List.of("application"));
        this.argoCd = argoCd;
    }

    @Override
    public Start start(Target target, DeployCall call, String secret, AttemptStart start) {
        return start(argoCd.start(application(target), secret, call, start::begin), ArgoCdOperation::revision);
    }

    @Override
    public Observed observe(Target target, DeployCall call, String reference, String secret) {
        var application = application(target);
        return observed(argoCd.follow(application, secret, new ArgoCdOperation(application.name(), reference,
                call.deploymentId())), status -> observed(status, reference));
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
        return new ArgoCdApplication(target.url(), required(target, "application"), target.setting("project"));
    }
}
