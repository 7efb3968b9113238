package io.passerelle.console;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the console finds the rest of Passerelle.
 *
 * @param api the gateway the console calls the services through, with the user's token
 * @param issuer the realm's issuer, as the browser and the tokens name it
 * @param backchannel where the console itself reaches the realm (token, keys, user info), when that differs from
 *     the issuer's address (in a container network); the issuer otherwise
 * @param publicUrl the address users reach the console at (the gateway's), for the login's and logout's return
 *     addresses; when absent, taken from each request (the gateway's X-Forwarded-* headers)
 * @param clientId the console's confidential client in the realm
 * @param clientSecret its secret (an environment variable in production)
 */
@ConfigurationProperties("passerelle.console")
public record ConsoleProperties(URI api, URI issuer, @Nullable URI backchannel, @Nullable URI publicUrl, String clientId,
        String clientSecret) {

    /** The realm's address for the console's own calls. */
    public URI realm() {
        return backchannel == null ? issuer : backchannel;
    }

    /** The users' base address ({@code {baseUrl}}, from the request, when none is configured). */
    public String base() {
        return publicUrl == null ? "{baseUrl}" : publicUrl.toString().replaceAll("/+$", "");
    }
}
