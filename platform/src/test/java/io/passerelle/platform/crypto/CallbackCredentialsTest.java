package io.passerelle.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class CallbackCredentialsTest {

    static final String KEY = "dGVzdC1vbmx5LWtleS0zMi1ieXRlcy1sb25nLSEhISE=";
    static final UUID DEPLOYMENT = UUID.fromString("0b7e3d4c-1111-4222-8333-944455556666");
    static final UUID OTHER = UUID.fromString("9a0c2f3e-aaaa-4bbb-8ccc-dddddddddddd");

    final CallbackCredentials credentials = new CallbackCredentials(KEY);

    static byte[] hmac(byte[] key, String message) throws Exception {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void the_token_is_the_hmac_of_the_deployment_id_under_a_key_derived_from_the_sealing_key() throws Exception {
        var derived = hmac(Base64.getDecoder().decode(KEY), "passerelle deployment callback key v1");
        var expected = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(hmac(derived, "deployment-callback:v1:" + DEPLOYMENT));

        assertThat(credentials.issue(DEPLOYMENT)).isEqualTo(expected).hasSize(43).matches("[A-Za-z0-9_-]+");
    }

    /** The worked example of docs/decisions/0007-deployment-callback-credential.md. */
    @Test
    void the_documented_example_is_what_is_issued() {
        assertThat(credentials.issue(DEPLOYMENT)).isEqualTo("ivuw7dhRoAWvZE3nXIPnKcYpy4qht6xSLIZBXYjv0k4");
    }

    @Test
    void a_token_verifies_for_its_own_deployment_only() {
        var token = credentials.issue(DEPLOYMENT);

        assertThat(credentials.verify(DEPLOYMENT, token)).isTrue();
        assertThat(credentials.verify(OTHER, token)).isFalse();
        assertThat(credentials.verify(OTHER, credentials.issue(OTHER))).isTrue();
        assertThat(credentials.issue(OTHER)).isNotEqualTo(token);
    }

    @Test
    void a_missing_empty_altered_or_padded_token_is_refused() {
        var token = credentials.issue(DEPLOYMENT);
        var altered = (token.charAt(0) == 'A' ? 'B' : 'A') + token.substring(1);

        assertThat(credentials.verify(DEPLOYMENT, null)).isFalse();
        assertThat(credentials.verify(DEPLOYMENT, "")).isFalse();
        assertThat(credentials.verify(DEPLOYMENT, altered)).isFalse();
        assertThat(credentials.verify(DEPLOYMENT, token + "=")).isFalse();
        assertThat(credentials.verify(DEPLOYMENT, token.substring(0, 42))).isFalse();
        assertThat(credentials.verify(DEPLOYMENT, "ä" + token)).isFalse();
    }

    @Test
    void another_installation_s_key_issues_other_tokens_and_the_sealing_key_is_not_used_as_such() throws Exception {
        var otherKey = Base64.getEncoder().encodeToString(new byte[32]);

        assertThat(new CallbackCredentials(otherKey).issue(DEPLOYMENT)).isNotEqualTo(credentials.issue(DEPLOYMENT));
        assertThat(credentials.verify(DEPLOYMENT, new CallbackCredentials(otherKey).issue(DEPLOYMENT))).isFalse();
        var underSealingKey = Base64.getUrlEncoder().withoutPadding().encodeToString(
                hmac(Base64.getDecoder().decode(KEY), "deployment-callback:v1:" + DEPLOYMENT));
        assertThat(credentials.verify(DEPLOYMENT, underSealingKey)).isFalse();
    }

    @Test
    void a_key_that_is_not_32_bytes_is_refused() {
        assertThatThrownBy(() -> new CallbackCredentials(Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("passerelle.secrets.key must be 32 bytes");
    }
}
