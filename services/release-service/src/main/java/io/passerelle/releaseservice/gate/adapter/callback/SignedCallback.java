package io.passerelle.releaseservice.gate.adapter.callback;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.passerelle.platform.crypto.SignedDelivery;

/**
 * The exact bytes and headers of one attempt to post a gate's decision. {@code X-Passerelle-Signature} is
 * {@code sha256=<lowercase hex HMAC-SHA256, keyed with the gate's callbackSecret (UTF-8), over the UTF-8 bytes of
 * "<X-Passerelle-Timestamp>." followed by the exact body bytes>}: the receiver recomputes it over the timestamp header
 * and the raw body, compares in constant time, and refuses stale timestamps. The delivery id is the same at every
 * attempt ({@code X-Passerelle-Delivery}, {@code Idempotency-Key}): a receiver deduplicates on it (the platform's
 * {@link SignedDelivery}).
 */
record SignedCallback(byte[] body, Map<String, String> headers) {

    static final String SIGNATURE = "X-Passerelle-Signature";
    static final String TIMESTAMP = SignedDelivery.TIMESTAMP;
    static final String DELIVERY = SignedDelivery.DELIVERY;
    static final String EVENT = SignedDelivery.EVENT;
    static final String IDEMPOTENCY_KEY = SignedDelivery.IDEMPOTENCY_KEY;
    static final String EVENT_NAME = "gate.decided";

    static SignedCallback of(UUID deliveryId, String body, String secret, Instant now) {
        var signed = SignedDelivery.of(SIGNATURE, EVENT_NAME, deliveryId, body.getBytes(StandardCharsets.UTF_8),
                secret, now);
        return new SignedCallback(signed.body(), signed.headers());
    }
}
