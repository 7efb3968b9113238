package io.passerelle.integrationservice.executor;

import java.util.Optional;

import io.passerelle.integrationservice.catalog.port.CatalogedServices;
import io.passerelle.platform.crypto.SecretSealer;

/**
 * What a call to a deploy target is made with: a webhook's calls are signed with the service's webhook secret (as
 * the catalog holds it now: a re-registration may have changed it); a vendor's carry the target's own credential,
 * which travels sealed with the deployment and is unsealed here, in memory, for one call.
 */
public final class CallSecrets {

    private final CatalogedServices catalog;
    private final SecretSealer sealer;

    public CallSecrets(CatalogedServices catalog, SecretSealer sealer) {
        this.catalog = catalog;
        this.sealer = sealer;
    }

    /** Why there is nothing to call {@code target} with, or empty when there is. */
    public Optional<String> missing(Target target, String service) {
        if (Target.WEBHOOK.equals(target.type())) {
            return catalog.byName(service).isPresent() ? Optional.empty() : Optional.of("service '" + service
                    + "' is not in integration-service's catalog: no webhook secret to sign the call with");
        }
        return target.credentialSealed() != null ? Optional.empty() : Optional.of("the " + target.type()
                + " target of " + service + " has no credential to call with (register it with one)");
    }

    /** The secret to call {@code target} with, or empty when there is none ({@link #missing} says why). */
    public Optional<String> of(Target target, String service) {
        if (Target.WEBHOOK.equals(target.type())) {
            return catalog.byName(service).map(s -> s.webhookSecret(sealer));
        }
        var sealed = target.credentialSealed();
        return sealed == null ? Optional.empty() : Optional.of(sealer.unseal(sealed));
    }
}
