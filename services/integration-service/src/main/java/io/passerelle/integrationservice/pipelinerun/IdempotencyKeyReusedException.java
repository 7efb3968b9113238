package io.passerelle.integrationservice.pipelinerun;

/** The Idempotency-Key was used before for another request: nothing is written. */
public class IdempotencyKeyReusedException extends RuntimeException {

    IdempotencyKeyReusedException(String key) {
        super("Idempotency-Key " + key + " was used for another pipeline run: choose a key per run (its build URL or"
                + " id)");
    }
}
