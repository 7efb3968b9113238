package io.passerelle.integrationservice.github.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Date;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.passerelle.integrationservice.github.FakeGitHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The App's key as GitHub issues it (PKCS#1) or converted (PKCS#8), and the JWT it signs, checked with its public key. */
class PrivateKeysAndAppJwtTest {

    static final FakeGitHub GITHUB = newGithub();
    static final Instant NOW = Instant.parse("2026-11-27T15:20:03Z");

    static FakeGitHub newGithub() {
        try {
            return new FakeGitHub();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() {
        GITHUB.close();
    }

    @Test
    void a_pkcs1_key_as_github_issues_it_and_its_pkcs8_form_are_the_same_key() {
        var pkcs1 = PrivateKeys.rsa(GITHUB.privateKeyPkcs1Pem());
        var pkcs8 = PrivateKeys.rsa(GITHUB.privateKeyPkcs8Pem());

        assertThat(GITHUB.privateKeyPkcs1Pem()).startsWith("-----BEGIN RSA PRIVATE KEY-----\n");
        assertThat(pkcs1.getModulus()).isEqualTo(GITHUB.publicKey().getModulus());
        assertThat(pkcs1.getPrivateExponent()).isEqualTo(pkcs8.getPrivateExponent());
        assertThat(pkcs1.getEncoded()).isEqualTo(pkcs8.getEncoded());
    }

    @Test
    void a_key_written_on_one_line_with_escaped_line_breaks_is_read_too() {
        var oneLine = GITHUB.privateKeyPkcs1Pem().replace("\n", "\\n");

        assertThat(PrivateKeys.rsa(oneLine).getModulus()).isEqualTo(GITHUB.publicKey().getModulus());
    }

    @Test
    void what_is_not_an_unencrypted_rsa_key_in_pem_is_refused_at_start_up_saying_what_is_expected() {
        for (var text : new String[] { "", "not a key", "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n"
                + "-----END ENCRYPTED PRIVATE KEY-----", "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----",
                "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----" }) {
            assertThatThrownBy(() -> PrivateKeys.rsa(text)).as(text).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("passerelle.github.app.private-key");
        }
    }

    @Test
    void the_app_jwt_is_rs256_issued_by_the_app_a_minute_ago_and_expiring_within_ten_minutes() throws Exception {
        var token = new AppJwt(FakeGitHub.APP_ID, PrivateKeys.rsa(GITHUB.privateKeyPkcs1Pem())).issue(NOW);

        var jwt = SignedJWT.parse(token);
        assertThat(jwt.verify(new RSASSAVerifier(GITHUB.publicKey()))).as("verifies with the App's public key").isTrue();
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
        var claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(FakeGitHub.APP_ID);
        assertThat(claims.getIssueTime()).isEqualTo(Date.from(NOW.minusSeconds(60)));
        assertThat(claims.getExpirationTime()).isEqualTo(Date.from(NOW.plusSeconds(9 * 60)));
        assertThat(claims.getExpirationTime().toInstant()).isBefore(NOW.plusSeconds(10 * 60));
        assertThat(claims.getClaims().keySet()).containsExactlyInAnyOrder("iss", "iat", "exp");
    }

    @Test
    void a_jwt_signed_with_another_key_does_not_verify() throws Exception {
        try (var other = FakeGitHub.withNewAppKey()) {
            var token = new AppJwt(FakeGitHub.APP_ID, PrivateKeys.rsa(other.privateKeyPkcs8Pem())).issue(NOW);

            assertThat(SignedJWT.parse(token).verify(new RSASSAVerifier(GITHUB.publicKey()))).isFalse();
        }
    }
}
