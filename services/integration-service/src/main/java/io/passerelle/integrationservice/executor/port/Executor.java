package io.passerelle.integrationservice.executor.port;

import java.util.Optional;

import io.passerelle.integrationservice.executor.CallOutcome;
import io.passerelle.integrationservice.executor.DeployCall;
import io.passerelle.integrationservice.executor.Observed;
import io.passerelle.integrationservice.executor.Target;
import org.jspecify.annotations.Nullable;

/**
 * The executor SPI (port): what carries out a deployment through one kind of deploy target ({@link #type}, as in
 * the catalog's {@code deployTarget.type}). It starts a deployment, one attempt per call, and — when it follows its
 * target ({@link #watches}) — observes a started one until it has an outcome. Executors whose target pushes the
 * outcome (the webhook's signed callback, GitHub's {@code deployment_status}) are not watched. Never throws: every
 * refusal is a {@link CallOutcome}.
 */
public interface Executor {

    /** The deploy target type this executor carries out. */
    String type();

    /**
     * Why this target can never be called, as far as its text tells (a URL the outbound guard always refuses, a
     * setting it needs missing), or empty when it may be: its host is checked again at each call.
     */
    Optional<String> unusable(Target target);

    /**
     * One attempt to start {@code call} at {@code target}, with {@code secret} (the service's webhook secret for a
     * webhook, the unsealed credential for a vendor). {@code start} is asked once the call is allowed (outbound guard,
     * circuit breaker) and about to be sent; when it answers false nothing is sent and the outcome is
     * {@link CallOutcome.Withdrawn}.
     */
    Start start(Target target, DeployCall call, String secret, AttemptStart start);

    /** Whether a started deployment is followed by {@link #observe} (its target does not push its outcome). */
    boolean watches();

    /** Where a started deployment stands, followed by the reference its start (or the last observation) gave. */
    Observed observe(Target target, DeployCall call, String reference, String secret);

    /**
     * What one attempt to start came to; {@code reference}: how to follow the deployment at the vendor (an Argo CD
     * revision, a GitHub deployment id, a Jenkins queue item, an AWX job), kept on the dispatch; only with an
     * accepted call, and not always then (a webhook has none).
     */
    record Start(CallOutcome outcome, @Nullable String reference) {

        public Start {
            if (reference != null && !(outcome instanceof CallOutcome.Accepted)) {
                throw new IllegalArgumentException("a reference comes with an accepted call only");
            }
        }

        public static Start of(CallOutcome outcome) {
            return new Start(outcome, null);
        }
    }

    /** Counts the attempt about to be made; false when the claim may no longer call. */
    @FunctionalInterface
    interface AttemptStart {

        boolean begin();
    }
}
