package io.passerelle.incident.incident.messaging;

import java.time.Instant;

/** Our own reading of alert.resolved.v1 data: only the fields we use. */
record AlertResolved(String fingerprint, Instant endsAt) {
}
