package io.passerelle.releaseservice.gate.adapter.callback;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.passerelle.platform.crypto.HmacSha256;

/**
 * The exact bytes and headers of one attempt to post a gate's decision. {@code X-Passerelle-Signature} is
 * {@code sha256=<lowercase hex HMAC-SHA256, keyed with the gate's callbackSecret (UTF-8), over the UTF-8 bytes of
 * "<X-Passerelle-Timestamp>." followed by the exact body bytes>}: the receiver recomputes it over the timestamp header
 * and the raw body, compares in constant time, and refuses stale timestamps. The delivery id is the same at every
 * attempt ({@code X-Passerelle-Delivery}, {@code Idempotency-Key}): a receiver deduplicates on it.
 */
record SignedCallback(byte[] body, Map<String, String> headers) {

    static final String SIGNATURE = "X-Passerelle-Signature";
    static final String TIMESTAMP = "X-Passerelle-Timestamp";
    static final String DELIVERY = "X-Passerelle-Delivery";
    static final String EVENT = "X-Passerelle-Event";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String EVENT_NAME = "gate.decided";

    static SignedCallback of(UUID deliveryId, String body, String secret, Instant now) {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        var timestamp = Long.toString(now.getEpochSecond());
        var headers = new LinkedHashMap<String, String>();
        headers.put("Content-Type", "application/json");
        headers.put(SIGNATURE, HmacSha256.sign(secret, signedContent(timestamp, bytes)));
        headers.put(TIMESTAMP, timestamp);
        headers.put(DELIVERY, deliveryId.toString());
        headers.put(IDEMPOTENCY_KEY, deliveryId.toString());
        headers.put(EVENT, EVENT_NAME);
        return new SignedCallback(bytes, Map.copyOf(headers));
    }

    /** What the signature covers: {@code "<timestamp>."} then the body, so that the timestamp cannot be replaced. */
    static byte[] signedContent(String timestamp, byte[] body) {
        var prefix = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
        var content = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, content, 0, prefix.length);
        System.arraycopy(body, 0, content, prefix.length, body.length);
        return content;
    }
}
