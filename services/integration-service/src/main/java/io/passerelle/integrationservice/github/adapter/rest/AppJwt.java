package io.passerelle.integrationservice.github.adapter.rest;

import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The JSON Web Token a GitHub App authenticates with (RS256, signed with its private key by Nimbus JOSE + JWT):
 * {@code iss} the App's id, {@code iat} a minute in the past (GitHub's advice against clock drift), {@code exp} nine
 * minutes ahead — within the ten minutes GitHub allows, with a minute to spare for the same drift.
 */
final class AppJwt {

    static final Duration BACKDATE = Duration.ofSeconds(60);
    static final Duration LIFETIME = Duration.ofMinutes(9);

    private final String appId;
    private final RSASSASigner signer;

    AppJwt(String appId, RSAPrivateKey key) {
        this.appId = appId;
        this.signer = new RSASSASigner(key);
    }

    String issue(Instant now) {
        var claims = new JWTClaimsSet.Builder()
                .issuer(appId)
                .issueTime(Date.from(now.minus(BACKDATE)))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .build();
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("the GitHub App's JWT could not be signed: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }
}
