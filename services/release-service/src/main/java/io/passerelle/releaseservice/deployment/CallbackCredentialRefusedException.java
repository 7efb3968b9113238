package io.passerelle.releaseservice.deployment;

import java.util.UUID;

/**
 * The credential presented with a deployment's outcome is not the one issued for that deployment (it may be another
 * deployment's); answered 403 {@code callback-credential}, and nothing is read or written.
 */
public final class CallbackCredentialRefusedException extends RuntimeException {

    CallbackCredentialRefusedException(UUID deploymentId) {
        super("the callback credential is not the one issued for deployment " + deploymentId
                + ": send the callbackToken of that deployment's deploy request; nothing was changed");
    }
}
