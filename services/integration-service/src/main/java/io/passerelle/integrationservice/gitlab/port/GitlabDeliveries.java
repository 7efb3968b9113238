package io.passerelle.integrationservice.gitlab.port;

import java.time.Instant;

/** The GitLab hooks already received (port). */
public interface GitlabDeliveries {

    /** Records the hook; false when its Idempotency-Key was already recorded (GitLab retried it). */
    boolean record(String idempotencyKey, String event, String service, Instant receivedAt);
}
