package io.passerelle.console;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the console finds the rest of Passerelle.
 *
 * @param api the gateway the console calls the services through, with the user's token
 * @param issuer the realm's issuer, as the browser and the tokens name it
 * @param clientId the console's confidential client in the realm
 * @param clientSecret its secret (an environment variable in production)
 */
@ConfigurationProperties("passerelle.console")
public record ConsoleProperties(URI api, URI issuer, String clientId, String clientSecret) {
}
