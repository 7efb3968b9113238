package io.passerelle.platform.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param publicPaths paths that authenticate otherwise (signed webhooks) and pass the JWT check */
@ConfigurationProperties("passerelle.security")
public record SecurityProperties(@DefaultValue List<String> publicPaths) {
}
