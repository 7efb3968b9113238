package io.passerelle.integrationservice.executor;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.passerelle.platform.crypto.CallbackCredentials;
import org.junit.jupiter.api.Test;

class CallbackSignatureTest {

    /** ADR 0007's worked example: this key and deployment give the token ivuw7dhRoAWvZE3nXIPnKcYpy4qht6xSLIZBXYjv0k4. */
    static final CallbackCredentials CREDENTIALS = new CallbackCredentials("dGVzdC1vbmx5LWtleS0zMi1ieXRlcy1sb25nLSEhISE=");
    static final UUID DEPLOYMENT = UUID.fromString("0b7e3d4c-1111-4222-8333-944455556666");
    static final byte[] BODY = "{\"deliveryId\":\"5f0c9d2e-7a41-4b3c-9e8d-2a1b0c9d8e7f\",\"state\":\"FAILED\",\"reason\":\"health check failed\"}"
            .getBytes(StandardCharsets.UTF_8);
    static final String DOCUMENTED = "sha256=77d6fda07252293fc0da96280deb692922b2ddf65d6e7359a55471579b939dc2";
    static final Instant SIGNED_AT = Instant.ofEpochSecond(1_790_000_100L);

    final CallbackSignature signature = new CallbackSignature(CREDENTIALS, Duration.ofMinutes(5));

    static org.assertj.core.api.ThrowableAssertAlternative<CallbackRefusedException> refused(Runnable check,
            CallbackRefusedException.Kind kind) {
        return org.assertj.core.api.Assertions.assertThatExceptionOfType(CallbackRefusedException.class)
                .isThrownBy(check::run).matches(e -> e.kind() == kind, "kind " + kind);
    }

    /** The worked example of docs/services/integration-service.md: a target implementer can check against it. */
    @Test
    void the_documented_example_verifies_within_the_window() {
        assertThatCode(() -> signature.verify(DEPLOYMENT, "1790000100", DOCUMENTED, BODY, SIGNED_AT.plusSeconds(299)))
                .doesNotThrowAnyException();
        assertThatCode(() -> signature.verify(DEPLOYMENT, "1790000100", DOCUMENTED, BODY, SIGNED_AT.minusSeconds(300)))
                .doesNotThrowAnyException();
    }

    @Test
    void another_deployment_another_body_or_another_timestamp_does_not_verify() {
        refused(() -> signature.verify(UUID.randomUUID(), "1790000100", DOCUMENTED, BODY, SIGNED_AT),
                CallbackRefusedException.Kind.FORGED);
        refused(() -> signature.verify(DEPLOYMENT, "1790000101", DOCUMENTED, BODY, SIGNED_AT),
                CallbackRefusedException.Kind.FORGED);
        refused(() -> signature.verify(DEPLOYMENT, "1790000100", DOCUMENTED, "{}".getBytes(StandardCharsets.UTF_8),
                SIGNED_AT), CallbackRefusedException.Kind.FORGED);
    }

    @Test
    void a_genuine_signature_outside_the_window_is_stale() {
        refused(() -> signature.verify(DEPLOYMENT, "1790000100", DOCUMENTED, BODY, SIGNED_AT.plusSeconds(301)),
                CallbackRefusedException.Kind.STALE).withMessageContaining("outside the 300 s window");
        refused(() -> signature.verify(DEPLOYMENT, "1790000100", DOCUMENTED, BODY, SIGNED_AT.minusSeconds(301)),
                CallbackRefusedException.Kind.STALE);
    }

    @Test
    void missing_or_unreadable_headers_are_unsigned() {
        refused(() -> signature.verify(DEPLOYMENT, null, DOCUMENTED, BODY, SIGNED_AT),
                CallbackRefusedException.Kind.UNSIGNED);
        refused(() -> signature.verify(DEPLOYMENT, "1790000100", null, BODY, SIGNED_AT),
                CallbackRefusedException.Kind.UNSIGNED);
        refused(() -> signature.verify(DEPLOYMENT, "yesterday", DOCUMENTED, BODY, SIGNED_AT),
                CallbackRefusedException.Kind.UNSIGNED);
        assertThatThrownBy(() -> signature.verify(DEPLOYMENT, "1790000100", "sha1=abc", BODY, SIGNED_AT))
                .isInstanceOf(CallbackRefusedException.class);
    }
}
