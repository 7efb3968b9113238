package io.passerelle.platform.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param publicPaths paths that authenticate otherwise (signed webhooks) and pass the JWT check
 * @param ownTokenPaths public paths whose {@code Authorization: Bearer} holds a token the service checks itself (a
 *        CDEvents sender's), not a JWT of the realm: the JWT check does not read it there
 */
@ConfigurationProperties("passerelle.security")
public record SecurityProperties(@DefaultValue List<String> publicPaths, @DefaultValue List<String> ownTokenPaths) {

    public SecurityProperties {
        publicPaths = List.copyOf(publicPaths);
        ownTokenPaths = List.copyOf(ownTokenPaths);
        if (!publicPaths.containsAll(ownTokenPaths)) {
            throw new IllegalArgumentException("passerelle.security.own-token-paths must be public paths too");
        }
    }
}
