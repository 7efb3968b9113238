package io.passerelle.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The exact bytes and headers of one attempt to deliver a signed POST out of Passerelle (a deploy request, a gate's
 * decision): the signature header is {@code sha256=<lowercase hex HMAC-SHA256, keyed with the shared secret (UTF-8),
 * over the UTF-8 bytes of "<X-Passerelle-Timestamp>." followed by the exact body bytes>}, so that the timestamp
 * cannot be replaced; the receiver recomputes it over the timestamp header and the raw body, compares in constant
 * time and refuses stale timestamps. The delivery id is the same at every attempt ({@code X-Passerelle-Delivery},
 * {@code Idempotency-Key}): a receiver deduplicates on it.
 */
public record SignedDelivery(byte[] body, Map<String, String> headers) {

    public static final String TIMESTAMP = "X-Passerelle-Timestamp";
    public static final String DELIVERY = "X-Passerelle-Delivery";
    public static final String EVENT = "X-Passerelle-Event";
    /** The IETF Idempotency-Key header draft. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /**
     * @param signatureHeader where the signature goes ({@code X-Passerelle-Signature-256} for deploy requests,
     *        {@code X-Passerelle-Signature} for gate callbacks)
     * @param event what is delivered, in {@code X-Passerelle-Event}
     */
    public static SignedDelivery of(String signatureHeader, String event, UUID deliveryId, byte[] body, String secret,
            Instant now) {
        var timestamp = Long.toString(now.getEpochSecond());
        var headers = new LinkedHashMap<String, String>();
        headers.put("Content-Type", "application/json");
        headers.put(signatureHeader, HmacSha256.sign(secret, signedContent(timestamp, body)));
        headers.put(TIMESTAMP, timestamp);
        headers.put(DELIVERY, deliveryId.toString());
        headers.put(IDEMPOTENCY_KEY, deliveryId.toString());
        headers.put(EVENT, event);
        return new SignedDelivery(body, Map.copyOf(headers));
    }

    /** What the signature covers: {@code "<timestamp>."} then the body bytes. */
    public static byte[] signedContent(String timestamp, byte[] body) {
        var prefix = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
        var content = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, content, 0, prefix.length);
        System.arraycopy(body, 0, content, prefix.length, body.length);
        return content;
    }
}
